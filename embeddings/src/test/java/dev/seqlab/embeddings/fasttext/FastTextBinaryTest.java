package dev.seqlab.embeddings.fasttext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.io.FormatDetector;
import dev.seqlab.embeddings.io.LoadOptions;
import dev.seqlab.embeddings.io.VectorFormat;
import dev.seqlab.embeddings.store.FloatRows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code .bin} layout: round trips, and one-line errors for every kind of bad file. */
class FastTextBinaryTest {
    private static final int DIM = 5;
    private static final int BUCKET = 40;
    /** Where the dictionary's header starts: magic, version, 12 int args and a double. */
    private static final int DICT = 4 + 4 + 12 * 4 + 8;

    @TempDir
    Path dir;

    static FastTextModel sample(FastTextArchitecture kind) {
        List<String> words = List.of(Subwords.EOS, "the", "cat", "naïve", "日本");
        FastTextArgs args =
                FastTextArgs.defaults().withDim(DIM).withBucket(BUCKET).withModel(kind);
        String[] entries = words.toArray(new String[0]);
        byte[] types = new byte[entries.length];
        int outputRows = entries.length;
        if (kind == FastTextArchitecture.SUPERVISED) {
            entries = Arrays.copyOf(entries, entries.length + 1);
            entries[entries.length - 1] = "__label__x";
            types = Arrays.copyOf(types, entries.length);
            types[entries.length - 1] = FastTextDictionary.LABEL;
            outputRows = 1;
        }
        long[] counts = new long[entries.length];
        Arrays.fill(counts, 3);
        FastTextDictionary d = new FastTextDictionary(entries, counts, types, 42, null);
        return new FastTextModel(args, d, rows(words.size() + BUCKET, 1), rows(outputRows, 2));
    }

    private static FloatRows rows(int n, long seed) {
        Random r = new Random(seed);
        float[] m = new float[n * DIM];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) r.nextGaussian();
        }
        return FloatRows.of(m, n, DIM);
    }

    @Test
    void roundTripsEveryPartBitForBit() throws IOException {
        FastTextModel m = sample(FastTextArchitecture.SKIPGRAM);
        Path file = dir.resolve("m.bin");
        FastTextBinary.write(m, file);
        FastTextModel back = FastTextBinary.read(file);
        assertEquals(m.args(), back.args());
        assertEquals(m.dictionary().entries(), back.dictionary().entries());
        assertEquals(42, back.dictionary().ntokens());
        assertEquals(3, back.dictionary().count(2));
        assertArrayEquals(m.input().asArray(), back.input().asArray());
        assertArrayEquals(m.output().asArray(), back.output().asArray());
        for (String w : List.of("cat", "cats", "naïveté", "日本語")) {
            assertArrayEquals(m.wordVector(w), back.wordVector(w), w);
        }
        assertEquals(VectorFormat.FASTTEXT_BIN, FormatDetector.detect(file).format());
        Path again = dir.resolve("again.bin");
        FastTextBinary.write(back, again);
        assertEquals(-1L, Files.mismatch(file, again));
    }

    @Test
    void loadedAsWordVectorsUnknownWordsGetSubwordVectors() throws IOException {
        FastTextModel m = sample(FastTextArchitecture.SKIPGRAM);
        Path file = dir.resolve("m.bin");
        FastTextBinary.write(m, file);
        WordVectors wv = WordVectors.load(file);
        assertEquals(5, wv.size());
        assertTrue(wv.hasSubwords());
        assertArrayEquals(m.wordVector("cat"), wv.vector("cat"));
        assertFalse(wv.lookup("cat").oov());
        assertTrue(wv.lookup("cats").oov());
        assertTrue(wv.isOov("cats"));
        assertArrayEquals(m.wordVector("cats"), wv.vector("cats"));
        assertEquals(
                "cat",
                wv.mostSimilar("cats", 5).stream()
                        .filter(n -> n.word().equals("cat"))
                        .findFirst()
                        .orElseThrow()
                        .word());
        assertTrue(Double.isFinite(wv.similarity("cats", "kittens")));
        assertEquals(
                4, wv.mostSimilar(List.of("cat", "dogs"), List.of(), 10, 0).size(), "cat excluded, dogs not a row");
        assertEquals(
                5,
                WordVectors.load(file, LoadOptions.DEFAULT.withLowercase(true)).size());
    }

    @Test
    void theLayoutBeforeFormatVersionsIsReadToo() throws IOException {
        FastTextModel m = sample(FastTextArchitecture.SKIPGRAM);
        Path file = dir.resolve("m.bin");
        FastTextBinary.write(m, file);
        byte[] all = Files.readAllBytes(file);
        int outputQuant = all.length - (17 + 5 * DIM * 4);
        int inputQuant = outputQuant - 45 * DIM * 4 - 17;
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        old.write(all, 8, DICT + 20 - 8); // no magic and version
        old.write(all, DICT + 28, inputQuant - (DICT + 28)); // no pruneidx_size
        old.write(all, inputQuant + 1, outputQuant - inputQuant - 1); // no quantised flags
        old.write(all, outputQuant + 1, all.length - outputQuant - 1);
        Path oldFile = dir.resolve("old.bin");
        Files.write(oldFile, old.toByteArray());
        assertEquals(VectorFormat.FASTTEXT_BIN, FormatDetector.detect(oldFile).format());
        FastTextModel back = FastTextBinary.read(oldFile);
        assertEquals(m.args(), back.args());
        assertArrayEquals(m.wordVector("cats"), back.wordVector("cats"));
        assertArrayEquals(m.wordVector("naïve"), WordVectors.load(oldFile).vector("naïve"));
    }

    @Test
    void wrongMagicIsNamed() throws IOException {
        Path file = patched("m.bin", b -> b.putInt(0, 12345));
        assertOneLine(file, "not a fastText model: it starts with 0x00003039, not fastText's magic 0x2f4f16ba");
    }

    @Test
    void versionFromTheFutureIsRefused() throws IOException {
        Path file = patched("m.bin", b -> b.putInt(4, 13));
        assertOneLine(file, "fastText format version 13 is newer than the newest this reader knows (12)");
    }

    @Test
    void truncatedMatrixSaysWhatIsMissing() throws IOException {
        Path file = dir.resolve("m.bin");
        FastTextBinary.write(sample(FastTextArchitecture.SKIPGRAM), file);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length - (17 + 5 * DIM * 4 + 50)));
        assertOneLine(file, "truncated: the input matrix (45 × 5 floats) needs 900 bytes");
        Files.write(file, Arrays.copyOf(all, DICT + 28 + 50));
        assertOneLine(file, "truncated in the dictionary: the file ends at byte 142");
        Files.write(file, Arrays.copyOf(all, DICT + 30));
        assertOneLine(file, "the dictionary announces 5 entries, more than the 2 bytes left can hold: truncated");
    }

    @Test
    void quantisedModelsAreRefusedClearly() throws IOException {
        Path file = dir.resolve("m.bin");
        FastTextBinary.write(sample(FastTextArchitecture.SKIPGRAM), file);
        byte[] all = Files.readAllBytes(file);
        int quant = all.length - (17 + 5 * DIM * 4) - (45 * DIM * 4) - 17;
        assertEquals(45, ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).getLong(quant + 1));
        all[quant] = 1;
        Files.write(file, all);
        assertOneLine(file, "a quantised fastText model (.ftz");
    }

    @Test
    void sizesThatCannotBeAreRefusedBeforeAllocating() throws IOException {
        Path file = patched("big.bin", b -> b.putInt(DICT, Integer.MAX_VALUE).putInt(DICT + 4, Integer.MAX_VALUE));
        assertOneLine(file, "the dictionary announces 2147483647 entries");
        file = patched("neg.bin", b -> b.putInt(DICT, -1));
        assertOneLine(file, "the dictionary announces -1 entries");
        file = patched("prune.bin", b -> b.putLong(DICT + 20, Long.MAX_VALUE));
        assertOneLine(file, "the n-gram pruning index announces 9223372036854775807 pairs");
        file = patched("dim.bin", b -> b.putInt(8, 0));
        assertOneLine(file, "invalid args: dim must be at least 1, got 0");
    }

    @Test
    void supervisedModelsAreNotWordVectors() throws IOException {
        Path file = dir.resolve("sup.bin");
        FastTextBinary.write(sample(FastTextArchitecture.SUPERVISED), file);
        assertEquals(1, FastTextBinary.read(file).dictionary().nlabels());
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> WordVectors.load(file));
        assertTrue(e.getMessage().startsWith(file + ": a supervised fastText model (1 labels)"), e.getMessage());
    }

    private interface Patch {
        void apply(ByteBuffer b);
    }

    private Path patched(String name, Patch patch) throws IOException {
        Path file = dir.resolve(name);
        FastTextBinary.write(sample(FastTextArchitecture.SKIPGRAM), file);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        patch.apply(b);
        Files.write(file, b.array());
        return file;
    }

    private static void assertOneLine(Path file, String expected) {
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> FastTextBinary.read(file));
        String m = e.getMessage();
        assertTrue(m.startsWith(file + ": "), m);
        assertTrue(m.contains(expected), m);
        assertFalse(m.contains("\n"), m);
        assertThrows(MalformedFileException.class, () -> WordVectors.load(file));
    }
}
