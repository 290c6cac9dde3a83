package dev.seqlab.classify;

import dev.seqlab.classify.data.LabelledText;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.embeddings.WordVectors;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A small labelled set the tests write: three topics ("joy", "food", and "sport, outdoors" — a
 * label holding a comma and a space), six topic words each whose 8-wide vectors lie near the
 * topic's direction, twenty filler words with random vectors, and one word ("zzyzx") the vectors
 * do not know. A sentence is 1–2 words of its topic among 2–5 fillers, shuffled, sometimes with
 * the unknown word; topics appear 50/30/20 %, so the majority class is 0.5.
 */
public final class SyntheticSentences {
    /** The classes. */
    public static final List<String> LABELS = List.of("joy", "food", "sport, outdoors");

    private static final int DIM = 8;
    private static final String[][] TOPICS = {
        {"happy", "smile", "laugh", "glad", "cheer", "delight"},
        {"bread", "cheese", "apple", "soup", "pasta", "rice"},
        {"ball", "run", "goal", "team", "swim", "race"}
    };
    private static final int FILLERS = 20;

    private SyntheticSentences() {}

    /** The vectors: topic words, then fillers {@code w0} … {@code w19}; seed fixed. */
    public static WordVectors vectors() {
        return vectors(DIM);
    }

    /** The same words in {@code dim} dimensions (at least 3). */
    public static WordVectors vectors(int dim) {
        SeededRandom rng = new SeededRandom(42);
        List<String> words = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (int t = 0; t < TOPICS.length; t++) {
            for (String w : TOPICS[t]) {
                float[] v = new float[dim];
                for (int j = 0; j < dim; j++) {
                    v[j] = (float) (0.2 * rng.nextGaussian());
                }
                v[t] += 1f;
                words.add(w);
                rows.add(v);
            }
        }
        for (int f = 0; f < FILLERS; f++) {
            float[] v = new float[dim];
            for (int j = 0; j < dim; j++) {
                v[j] = (float) (0.25 * rng.nextGaussian());
            }
            words.add("w" + f);
            rows.add(v);
        }
        float[] matrix = new float[words.size() * dim];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, matrix, i * dim, dim);
        }
        return WordVectors.of(words, matrix, dim);
    }

    /** {@code n} labelled sentences drawn with {@code seed}. */
    public static List<LabelledText> rows(int n, long seed) {
        SeededRandom rng = new SeededRandom(seed);
        List<LabelledText> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int topic = u < 0.5 ? 0 : u < 0.8 ? 1 : 2;
            List<String> words = new ArrayList<>();
            int topical = 1 + rng.nextInt(2);
            for (int k = 0; k < topical; k++) {
                words.add(TOPICS[topic][rng.nextInt(TOPICS[topic].length)]);
            }
            int fillers = 2 + rng.nextInt(4);
            for (int k = 0; k < fillers; k++) {
                words.add("w" + rng.nextInt(FILLERS));
            }
            if (rng.nextInt(4) == 0) {
                words.add("zzyzx");
            }
            for (int k = words.size() - 1; k > 0; k--) {
                int j = rng.nextInt(k + 1);
                String tmp = words.get(k);
                words.set(k, words.get(j));
                words.set(j, tmp);
            }
            String text = String.join(" ", words);
            if (rng.nextInt(3) == 0) {
                text = Character.toUpperCase(text.charAt(0)) + text.substring(1) + "!";
            }
            out.add(LabelledText.of(text, LABELS.get(topic)));
        }
        return out;
    }

    /** Writes {@code rows} as a CSV with the header {@code text,label}. */
    public static void writeCsv(Path file, List<LabelledText> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(
                        w,
                        CSVFormat.RFC4180.builder().setHeader("text", "label").get())) {
            for (LabelledText r : rows) {
                p.printRecord(r.text(), r.label());
            }
        }
    }

    /** Writes {@code v} in the word2vec text format. */
    public static void writeVectors(Path file, WordVectors v) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(v.size()).append(' ').append(v.dimension()).append('\n');
        for (int i = 0; i < v.size(); i++) {
            sb.append(v.word(i));
            for (float x : v.vector(i)) {
                sb.append(' ').append(String.format(Locale.ROOT, "%.6f", x));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
