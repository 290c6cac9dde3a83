package dev.seqlab.embeddings.fasttext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.corpora.text.TextCorpusOptions;
import dev.seqlab.corpora.text.Tokenizers;
import dev.seqlab.embeddings.WordLookup;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fasttext.train.FastText;
import dev.seqlab.embeddings.fasttext.train.FastTextOptions;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agreement with the fastText tool (Debian's {@code fasttext} 0.9.2) in both directions: a model
 * the tool trains, read by seqlab, gives for 1,000 vocabulary words and 1,000 unseen words
 * (misspellings, inflections, compounds, non-ASCII) the vectors {@code fasttext print-word-vectors}
 * prints, to cosine 0.99999 (the tool prints 5 significant digits); the same model written back
 * by seqlab is byte for byte the tool's file and the tool prints the same vectors from it. And a
 * model seqlab trains on the same text (blank lines included) has the tool's dictionary, and the
 * tool prints from seqlab's {@code .bin} the vectors seqlab gives, to the same cosine.
 *
 * <p>Skipped, saying so, only when no {@code fasttext} executable is on the PATH. The corpus is
 * generated (about 120k tokens over a few thousand syllable words) and the tool runs with 20,000
 * buckets to stay quick; {@code -Dseqlab.fasttext.corpus=FILE -Dseqlab.fasttext.bucket=2000000}
 * runs the same check on real text with the tool's default buckets.
 */
class FastTextToolAgreementTest {
    private static final int WORDS = 1000;
    private static final double MIN_COSINE = 0.99999;

    @TempDir
    Path dir;

    @Test
    void seqlabAndTheToolGiveTheSameVectorsBothWays() throws Exception {
        Path tool = tool();
        String corpusProperty = System.getProperty("seqlab.fasttext.corpus");
        Path corpus = corpusProperty != null ? Path.of(corpusProperty) : syntheticCorpus(dir.resolve("corpus.txt"));
        String bucket = System.getProperty("seqlab.fasttext.bucket", "20000");
        Path bin = trainWithTool(tool, corpus, bucket);

        FastTextModel model = FastTextBinary.read(bin);
        assertEquals(Integer.parseInt(bucket), model.args().bucket());
        assertTrue(model.nwords() > WORDS, model.nwords() + " words");
        List<String> known = knownWords(model);
        List<String> unseen = unseenWords(model);
        List<String> all = new ArrayList<>(known);
        all.addAll(unseen);

        Map<String, float[]> printed = printWordVectors(tool, bin, all);
        WordVectors wv = WordVectors.load(bin);
        assertTrue(wv.hasSubwords());
        int nonZero = 0;
        for (String w : all) {
            float[] theirs = printed.get(w);
            if (assertCosine(w, theirs, model.wordVector(w))) {
                nonZero++;
            }
            WordLookup l = wv.lookup(w);
            assertEquals(!known.contains(w), l.oov(), w);
            assertCosine(w, theirs, l.vector());
        }
        System.out.println("FastTextToolAgreementTest: " + nonZero + " of " + all.size()
                + " vectors compared are not zero (a zero one is an unseen word whose n-grams all are too)");
        assertTrue(nonZero >= all.size() * 9 / 10, nonZero + " of " + all.size() + " vectors are not zero");

        Path written = dir.resolve("seqlab.bin");
        FastTextBinary.write(model, written);
        assertEquals(-1L, Files.mismatch(bin, written), "seqlab's .bin differs from the tool's");
        Map<String, float[]> back = printWordVectors(tool, written, all);
        for (String w : all) {
            assertCosine(w, back.get(w), model.wordVector(w));
        }
    }

    @Test
    void aModelSeqlabTrainsHasTheToolsDictionaryAndTheToolReadsItsVectors() throws Exception {
        Path tool = tool();
        Path corpus = withBlankLines(syntheticCorpus(dir.resolve("corpus.txt")), dir.resolve("blank.txt"));
        FastTextModel theirs = FastTextBinary.read(trainWithTool(tool, corpus, "20000"));
        FastTextOptions o = FastTextOptions.defaults()
                .withDim(50)
                .withEpoch(1)
                .withMinCount(2)
                .withThreads(2)
                .withBucket(20_000);
        FastTextModel ours = FastText.train(
                Corpus.of(corpus, TextCorpusOptions.defaults().withTokenizer(Tokenizers.whitespace())), o);
        // the tool sorts words of equal count in no set order: compare word -> count
        assertEquals(theirs.dictionary().ntokens(), ours.dictionary().ntokens(), "ntokens");
        assertEquals(counts(theirs.dictionary()), counts(ours.dictionary()));

        Path bin = dir.resolve("seqlab-trained.bin");
        FastTextBinary.write(ours, bin);
        List<String> all = new ArrayList<>(knownWords(ours));
        all.addAll(unseenWords(ours));
        Map<String, float[]> printed = printWordVectors(tool, bin, all);
        int nonZero = 0;
        for (String w : all) {
            nonZero += assertCosine(w, printed.get(w), ours.wordVector(w)) ? 1 : 0;
        }
        assertTrue(nonZero >= all.size() * 9 / 10, nonZero + " of " + all.size() + " vectors are not zero");
    }

    private static Path tool() {
        Path tool = onPath("fasttext");
        if (tool == null) {
            System.out.println("SKIPPED FastTextToolAgreementTest: no 'fasttext' executable on the PATH");
            Assumptions.abort("no 'fasttext' executable on the PATH");
        }
        return tool;
    }

    /** The tool's skip-gram on {@code corpus} (dim 50, 1 epoch, min-count 2, 2 threads): its .bin. */
    private Path trainWithTool(Path tool, Path corpus, String bucket) throws Exception {
        run(
                List.of(
                        tool.toString(),
                        "skipgram",
                        "-input",
                        corpus.toString(),
                        "-output",
                        dir.resolve("m").toString(),
                        "-dim",
                        "50",
                        "-epoch",
                        "1",
                        "-minCount",
                        "2",
                        "-thread",
                        "2",
                        "-bucket",
                        bucket,
                        "-verbose",
                        "0"),
                null);
        return dir.resolve("m.bin");
    }

    /** Every {@code nwords / WORDS}-th dictionary word. */
    private static List<String> knownWords(FastTextModel model) {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < WORDS; i++) {
            known.add(model.dictionary().word((int) ((long) i * model.nwords() / WORDS)));
        }
        return known;
    }

    private static Map<String, Long> counts(FastTextDictionary d) {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < d.size(); i++) {
            counts.put(d.word(i), d.count(i));
        }
        return counts;
    }

    /** {@code text} with a blank or white-space-only line after every fifth line. */
    private static Path withBlankLines(Path text, Path out) throws IOException {
        List<String> lines = Files.readAllLines(text, StandardCharsets.UTF_8);
        List<String> with = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            with.add(lines.get(i));
            if (i % 5 == 4) {
                with.add(i % 10 == 4 ? "" : " \t");
            }
        }
        Files.write(out, with, StandardCharsets.UTF_8);
        return out;
    }

    /** Misspellings, inflections and compounds of known words, and non-ASCII variants, none in the model. */
    private static List<String> unseenWords(FastTextModel model) {
        SplittableRandom rnd = new SplittableRandom(21);
        Set<String> out = new LinkedHashSet<>();
        String[] suffixes = {"s", "ing", "ed", "ly", "ness", "é", "ünd"};
        while (out.size() < WORDS) {
            String a = model.dictionary().word(1 + rnd.nextInt(model.nwords() - 1));
            String b = model.dictionary().word(1 + rnd.nextInt(model.nwords() - 1));
            String w;
            switch (out.size() % 4) {
                case 0 -> {
                    int p = a.length() > 1 ? rnd.nextInt(a.length() - 1) : 0;
                    w = a.length() > 1 ? a.substring(0, p) + a.charAt(p + 1) + a.charAt(p) + a.substring(p + 2) : a + a;
                }
                case 1 -> w = a + suffixes[rnd.nextInt(suffixes.length)];
                case 2 -> w = a + b;
                default -> w = "ü" + a.substring(0, Math.max(1, a.length() / 2)) + "ß";
            }
            if (model.dictionary().id(w) < 0 && !w.contains("</s>")) {
                out.add(w);
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean assertCosine(String word, float[] expected, float[] actual) {
        assertTrue(expected != null, "the tool printed no vector for '" + word + "'");
        assertEquals(expected.length, actual.length, word);
        double dot = 0;
        double ne = 0;
        double na = 0;
        for (int k = 0; k < expected.length; k++) {
            dot += (double) expected[k] * actual[k];
            ne += (double) expected[k] * expected[k];
            na += (double) actual[k] * actual[k];
        }
        if (ne == 0) {
            // every n-gram of the word was unseen in training: the tool averages rows still zero
            assertArrayEquals(expected, actual, "'" + word + "': the tool's vector is zero");
            return false;
        }
        assertFalse(na == 0, "'" + word + "': zero vector, the tool's is not");
        double cos = dot / Math.sqrt(ne * na);
        assertTrue(cos >= MIN_COSINE, "'" + word + "': cosine " + cos + " to the tool's vector");
        return true;
    }

    private Map<String, float[]> printWordVectors(Path tool, Path bin, List<String> words) throws Exception {
        Path in = dir.resolve("words.txt");
        Files.write(in, words, StandardCharsets.UTF_8);
        String out = run(List.of(tool.toString(), "print-word-vectors", bin.toString()), in);
        Map<String, float[]> vectors = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] t = line.trim().split(" +");
            float[] v = new float[t.length - 1];
            for (int k = 0; k < v.length; k++) {
                v[k] = Float.parseFloat(t[k + 1]);
            }
            vectors.put(t[0], v);
        }
        return vectors;
    }

    private String run(List<String> command, Path stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectError(dir.resolve("stderr.txt").toFile());
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        String out;
        try (InputStream s = p.getInputStream()) {
            out = new String(s.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timeout: " + command);
        assertEquals(0, p.exitValue(), command + ": " + Files.readString(dir.resolve("stderr.txt")));
        return out;
    }

    /** About 200k tokens: sentences of Zipf-distributed words made of syllables (some non-ASCII). */
    private static Path syntheticCorpus(Path file) throws IOException {
        String[] syllables = {
            "ka", "to", "ri", "mon", "el", "sa", "dé", "lu", "ber", "qi", "na", "st", "ör", "pe", "vi", "ga", "xo",
            "hu", "ly", "ze"
        };
        SplittableRandom rnd = new SplittableRandom(7);
        String[] vocab = new String[4000];
        for (int i = 0; i < vocab.length; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + rnd.nextInt(4);
            for (int s = 0; s < n; s++) {
                b.append(syllables[rnd.nextInt(syllables.length)]);
            }
            vocab[i] = b.toString();
        }
        double[] cumulative = new double[vocab.length];
        double sum = 0;
        for (int i = 0; i < vocab.length; i++) {
            sum += 1.0 / (i + 10);
            cumulative[i] = sum;
        }
        StringBuilder text = new StringBuilder();
        for (int t = 0; t < 120_000; t++) {
            double u = rnd.nextDouble() * sum;
            int lo = 0;
            int hi = vocab.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            text.append(vocab[lo]).append(t % 12 == 11 ? '\n' : ' ');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Path onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p) && Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
