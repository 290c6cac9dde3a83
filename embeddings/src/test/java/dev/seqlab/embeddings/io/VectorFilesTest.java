package dev.seqlab.embeddings.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.WordVectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading and writing every vectors format: round trips, hand-written files, detection and errors. */
class VectorFilesTest {
    @TempDir
    Path dir;

    /**
     * Files of several read blocks (4 MiB each) in every format give the same words and floats
     * however many threads read them: the text parts cut at line ends, the binary records split
     * after the scan of their words, the gzip blocks decompressed on one thread and parsed on others.
     */
    @ParameterizedTest
    @ValueSource(strings = {"big.txt", "big.txt.gz", "big.bin", "big.bin.gz"})
    void multiBlockFilesReadTheSameOnOneAndFourThreads(String name) throws IOException {
        int rows = 25_000;
        int dim = 40;
        Random rnd = new Random(5);
        float[] m = new float[rows * dim];
        String[] words = new String[rows];
        for (int i = 0; i < rows; i++) {
            words[i] = "wörd" + i;
            for (int k = 0; k < dim; k++) {
                m[i * dim + k] = (float) rnd.nextGaussian();
            }
        }
        Path file = dir.resolve(name);
        VectorFiles.write(
                file,
                name.contains(".bin") ? VectorFormat.WORD2VEC_BINARY : VectorFormat.WORD2VEC,
                words,
                m,
                rows,
                dim);
        ParsedVectors one = VectorFiles.read(file, LoadOptions.DEFAULT.withThreads(1), ProgressListener.NONE);
        ParsedVectors four = VectorFiles.read(file, LoadOptions.DEFAULT.withThreads(4), ProgressListener.NONE);
        assertEquals(rows, four.rows());
        assertArrayEquals(Arrays.copyOf(one.words(), rows), Arrays.copyOf(four.words(), rows));
        assertArrayEquals(words, Arrays.copyOf(four.words(), rows));
        assertArrayEquals(Arrays.copyOf(one.matrix(), rows * dim), Arrays.copyOf(four.matrix(), rows * dim));
        if (name.contains(".bin")) {
            assertArrayEquals(m, Arrays.copyOf(four.matrix(), rows * dim));
        }
    }

    /** Words with non-ASCII letters and punctuation, and floats of every magnitude (incl. subnormal and -0). */
    private static WordVectors sample(int rows, int dim, long seed) {
        Random r = new Random(seed);
        List<String> words = new ArrayList<>();
        String[] stems = {"king", "queen", "Straße", "naïve", "東京", "x-ray", "U.S.", "don't"};
        float[] m = new float[rows * dim];
        for (int i = 0; i < rows; i++) {
            words.add(stems[i % stems.length] + (i < stems.length ? "" : "_" + i));
            for (int k = 0; k < dim; k++) {
                m[i * dim + k] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(9) - 4));
            }
        }
        m[0] = -0f;
        m[1] = Float.MIN_VALUE;
        m[2] = 3.4e38f;
        return WordVectors.of(words, m, dim);
    }

    private static void assertSame(WordVectors expected, WordVectors actual) {
        assertEquals(expected.words(), actual.words());
        assertEquals(expected.dimension(), actual.dimension());
        float[] e = expected.copyOfMatrix();
        float[] a = actual.copyOfMatrix();
        for (int i = 0; i < e.length; i++) {
            assertEquals(
                    Float.floatToRawIntBits(e[i]),
                    Float.floatToRawIntBits(a[i]),
                    "element " + i + ": " + e[i] + " vs " + a[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(VectorFormat.class)
    void everyFormatRoundTripsBitForBit(VectorFormat format) throws IOException {
        WordVectors wv = sample(37, 11, 1);
        Path file = dir.resolve("v." + format.cliName());
        wv.save(file, format);
        assertEquals(format, FormatDetector.detect(file).format());
        assertSame(wv, WordVectors.load(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"glove", "word2vec", "word2vec-bin"})
    void gzipRoundTripsAndIsDetectedFromContent(String name) throws IOException {
        VectorFormat format = VectorFormat.fromCliName(name);
        WordVectors wv = sample(25, 7, 2);
        Path gz = dir.resolve("v.gz");
        wv.save(gz, format);
        byte[] b = Files.readAllBytes(gz);
        assertEquals(0x1f, b[0] & 0xff);
        assertEquals(0x8b, b[1] & 0xff);
        DetectedFormat d = FormatDetector.detect(gz);
        assertEquals(format, d.format());
        assertTrue(d.gzip());
        // the name does not matter for reading: the same bytes under another name
        Path renamed = dir.resolve("vectors.txt");
        Files.write(renamed, b);
        assertSame(wv, WordVectors.load(renamed));
    }

    @Test
    void seqlabFormatCannotBeGzipped() {
        WordVectors wv = sample(3, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> wv.save(dir.resolve("v.seqlab.gz"), VectorFormat.SEQLAB));
    }

    @Test
    void parallelTextParsingEqualsSingleThreadedOnManyChunks() throws IOException {
        WordVectors wv = sample(20_000, 9, 4);
        for (VectorFormat f : new VectorFormat[] {VectorFormat.GLOVE, VectorFormat.WORD2VEC}) {
            Path file = dir.resolve("big-" + f.cliName());
            wv.save(file, f);
            for (int threads : new int[] {1, 2, 3, 7}) {
                assertSame(wv, WordVectors.load(file, LoadOptions.DEFAULT.withThreads(threads)));
            }
        }
    }

    @Test
    void handWrittenGloveFileWithCrLfTabsAndNoFinalNewline() throws IOException {
        Path file = dir.resolve("glove.txt");
        Files.writeString(file, "the 0.5 -1.25 3e-2\r\nof\t1 2\t3\r\nçà -0.000001 1E3 +7", StandardCharsets.UTF_8);
        WordVectors wv = WordVectors.load(file);
        assertEquals(List.of("the", "of", "çà"), wv.words());
        assertArrayEquals(new float[] {0.5f, -1.25f, 0.03f}, wv.vector("the"));
        assertArrayEquals(new float[] {1f, 2f, 3f}, wv.vector("of"));
        assertArrayEquals(new float[] {-0.000001f, 1000f, 7f}, wv.vector("çà"));
    }

    @Test
    void handWrittenFastTextVecWithTrailingSpaces() throws IOException {
        // fastText writes a space after the last number of every line
        Path file = dir.resolve("crawl.vec");
        Files.writeString(file, "3 2\n, 0.1 0.2 \nthe -0.3 0.4 \n</s> 1 -1 \n", StandardCharsets.UTF_8);
        assertEquals(VectorFormat.WORD2VEC, FormatDetector.detect(file).format());
        WordVectors wv = WordVectors.load(file);
        assertEquals(List.of(",", "the", "</s>"), wv.words());
        assertArrayEquals(new float[] {-0.3f, 0.4f}, wv.vector("the"));
    }

    /** The C tool's binary layout: "N D\n", then per word "word " + D little-endian floats + "\n". */
    static byte[] cToolBinary(String[] words, float[][] vectors, boolean newlineAfterVector) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((words.length + " " + vectors[0].length + "\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < words.length; i++) {
            out.write((words[i] + " ").getBytes(StandardCharsets.UTF_8));
            ByteBuffer bb = ByteBuffer.allocate(4 * vectors[i].length).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : vectors[i]) {
                bb.putFloat(v);
            }
            out.write(bb.array());
            if (newlineAfterVector) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void handAssembledWord2VecBinary(boolean newline) throws IOException {
        String[] words = {"</s>", "in", "Köln"};
        // 10.0 as little-endian float is 00 00 20 41: bytes that look like a space and 'A' inside the vector
        float[][] vectors = {{1.5f, -2f, 10f}, {0.25f, 10f, 0f}, {Float.intBitsToFloat(0x0a0a0a0a), 3f, -4f}};
        Path file = dir.resolve("GoogleNews-like.bin");
        Files.write(file, cToolBinary(words, vectors, newline));
        assertEquals(VectorFormat.WORD2VEC_BINARY, FormatDetector.detect(file).format());
        WordVectors wv = WordVectors.load(file);
        assertEquals(List.of(words), wv.words());
        for (int i = 0; i < words.length; i++) {
            assertArrayEquals(vectors[i], wv.vector(words[i]));
        }
    }

    @Test
    void limitKeepsTheFirstWordsInEveryFormat() throws IOException {
        WordVectors wv = sample(30, 4, 5);
        for (VectorFormat f : VectorFormat.values()) {
            Path file = dir.resolve("lim-" + f.cliName());
            wv.save(file, f);
            WordVectors first = WordVectors.load(file, LoadOptions.DEFAULT.withLimit(12));
            assertEquals(wv.words().subList(0, 12), first.words(), f.toString());
            assertArrayEquals(wv.vector(11), first.vector(11), f.toString());
            assertEquals(
                    30,
                    WordVectors.load(file, LoadOptions.DEFAULT.withLimit(1000)).size());
        }
    }

    @Test
    void lowercaseKeepsTheFirstOfWordsThatCoincide() throws IOException {
        Path file = dir.resolve("case.txt");
        Files.writeString(file, "Apple 1 0\nbanana 0 1\napple 5 5\nBANANA 7 7\nÉcole 2 2\n");
        WordVectors wv = WordVectors.load(file, LoadOptions.DEFAULT.withLowercase(true));
        assertEquals(List.of("apple", "banana", "école"), wv.words());
        assertArrayEquals(new float[] {1, 0}, wv.vector("apple"));
        assertArrayEquals(new float[] {0, 1}, wv.vector("banana"));
    }

    @Test
    void repeatedWordKeepsItsFirstVector() throws IOException {
        Path file = dir.resolve("dup.txt");
        Files.writeString(file, "a 1 2\nb 3 4\na 5 6\nc 7 8\n");
        WordVectors wv = WordVectors.load(file);
        assertEquals(List.of("a", "b", "c"), wv.words());
        assertArrayEquals(new float[] {1, 2}, wv.vector("a"));
        assertArrayEquals(new float[] {7, 8}, wv.vector("c"));
    }

    // ------------------------------------------------------------------ errors

    private MalformedFileException malformed(String content) throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return assertThrows(MalformedFileException.class, () -> WordVectors.load(file));
    }

    @Test
    void shortLineIsNamedByNumber() throws IOException {
        MalformedFileException e = malformed("a 1 2 3\nb 4 5 6\nc 7 8\nd 1 1 1\n");
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("'c'"), e.getMessage());
    }

    @Test
    void longLineIsNamedByNumber() throws IOException {
        assertEquals(2, malformed("a 1 2\nb 4 5 6\n").line());
    }

    @Test
    void notANumberIsNamedByLineAndPosition() throws IOException {
        MalformedFileException e = malformed("2 3\na 1 2 3\nb 4 x5 6\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("x5"), e.getMessage());
    }

    @Test
    void headerPromisingMoreWordsThanTheFileHasIsAnError() throws IOException {
        MalformedFileException e = malformed("5 2\na 1 2\nb 3 4\n");
        assertTrue(e.getMessage().contains("5"), e.getMessage());
    }

    @Test
    void emptyFileAndGarbageAreErrors() throws IOException {
        assertTrue(malformed("").getMessage().contains("empty"));
        assertEquals(1, malformed("hello world\nfoo bar\n").line());
    }

    @Test
    void missingFileIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> WordVectors.load(dir.resolve("nope.txt")));
    }

    @Test
    void truncatedBinaryNamesTheWord() throws IOException {
        float[][] v = {{1f, 2f, 3f}, {4f, 5f, 6f}};
        byte[] full = cToolBinary(new String[] {"a", "b"}, v, true);
        Path file = dir.resolve("cut.bin");
        Files.write(file, Arrays.copyOf(full, full.length - 6));
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> WordVectors.load(file));
        assertTrue(e.getMessage().contains("word 2"), e.getMessage());
    }

    @Test
    void truncatedOrCorruptSeqlabFileIsAnErrorNotGarbage() throws IOException {
        WordVectors wv = sample(20, 5, 6);
        Path file = dir.resolve("v.seqlab");
        wv.save(file, VectorFormat.SEQLAB);
        byte[] b = Files.readAllBytes(file);
        for (int cut : new int[] {10, 63, 64 + 4 * 50, b.length - 3}) {
            Path t = dir.resolve("cut" + cut + ".seqlab");
            Files.write(t, Arrays.copyOf(b, cut));
            assertThrows(MalformedFileException.class, () -> WordVectors.load(t), "cut at " + cut);
        }
        byte[] version = b.clone();
        version[8] = 99;
        Path v = dir.resolve("version.seqlab");
        Files.write(v, version);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> WordVectors.load(v));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void corruptGzipIsAnError() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("a 1 2\nb 3 4\n".repeat(1000).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] b = bytes.toByteArray();
        Path file = dir.resolve("cut.gz");
        Files.write(file, Arrays.copyOf(b, b.length / 2));
        assertThrows(IOException.class, () -> WordVectors.load(file));
    }

    @Test
    void savingAWordWithASpaceInTextFormatFailsAndLeavesTheOldFile() throws IOException {
        Path file = dir.resolve("keep.txt");
        Files.writeString(file, "precious 1 2\n");
        WordVectors bad = WordVectors.of(List.of("new york", "b"), new float[] {1, 2, 3, 4}, 2);
        assertThrows(IllegalArgumentException.class, () -> bad.save(file, VectorFormat.GLOVE));
        assertEquals("precious 1 2\n", Files.readString(file));
        // the seqlab format stores any word
        Path s = dir.resolve("spaces.seqlab");
        bad.save(s, VectorFormat.SEQLAB);
        assertEquals(List.of("new york", "b"), WordVectors.load(s).words());
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains(".tmp")));
        }
    }
}
