package dev.seqlab.embeddings.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.WordVectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files a user should be told about rather than loaded silently: non-finite values, bad tokens,
 * headers announcing more than the file holds, and paths that are not files at all.
 */
class HostileVectorFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private Path text(String content) throws IOException {
        return write("v.txt", content.getBytes(StandardCharsets.UTF_8));
    }

    private static MalformedFileException refused(Path file) {
        return assertThrows(MalformedFileException.class, () -> WordVectors.load(file));
    }

    /** A word2vec binary file as the C tool writes it, under another header line. */
    private static byte[] binary(String header, String[] words, float[]... vectors) throws IOException {
        byte[] file = VectorFilesTest.cToolBinary(words, vectors, true);
        int records = FormatDetector.indexOf(file, (byte) '\n', 0) + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((header + "\n").getBytes(StandardCharsets.US_ASCII));
        out.write(file, records, file.length - records);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nan", "inf", "-inf", "NaN", "Infinity", "1e39", "-4e38"})
    void nonFiniteTextValueIsRefusedNamingLineColumnAndWord(String token) throws IOException {
        MalformedFileException e = refused(text("2 3\nb 1 2 3\na 0.1 " + token + " 0.3\n"));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(
                e.getMessage().contains(":3: column 3 is '" + token + "' (word 'a'), not a finite float32 value"),
                e.getMessage());
    }

    @Test
    void nonFiniteValuesAreKeptWithOneWarningWhenAllowed() throws IOException {
        Path file = text("a 1 nan\nb 2 3\nc inf -inf\n");
        List<String> warnings = new ArrayList<>();
        WordVectors wv = WordVectors.load(
                file, LoadOptions.DEFAULT.withAllowNonFinite(true), ProgressListener.warningsTo(warnings::add));
        assertEquals(3, wv.size());
        assertTrue(Float.isNaN(wv.vector("a")[1]));
        assertEquals(Float.NEGATIVE_INFINITY, wv.vector("c")[1]);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(file + ":1: column 3 is 'nan' (word 'a')"), warnings.get(0));
        assertTrue(warnings.get(0).contains("2 vectors"), warnings.get(0));
    }

    @Test
    void nonFiniteBinaryAndSeqlabValuesAreRefusedNamingTheWord() throws IOException {
        Path bin =
                write("v.bin", binary("2 2", new String[] {"a", "b"}, new float[] {1, 2}, new float[] {Float.NaN, 1}));
        MalformedFileException e = refused(bin);
        assertTrue(e.getMessage().contains("word 2 ('b'"), e.getMessage());
        Path seqlab = dir.resolve("v.seqlab");
        WordVectors.of(List.of("x", "y"), new float[] {1, 2, Float.POSITIVE_INFINITY, 0}, 2)
                .save(seqlab, VectorFormat.SEQLAB);
        e = refused(seqlab);
        assertTrue(e.getMessage().contains("word 2 ('y')") && e.getMessage().contains("Infinity"), e.getMessage());
        assertEquals(
                2,
                WordVectors.load(seqlab, LoadOptions.DEFAULT.withAllowNonFinite(true))
                        .size());
    }

    @Test
    void nonNumericTokenUnderAHeaderIsATextErrorNamingLineColumnAndToken() throws IOException {
        Path file = text("2 3\na 0.1 x 0.3\nb 1 2 3\n");
        MalformedFileException e = refused(file);
        assertEquals(file + ":2: column 3 is 'x', not a number (word 'a')", e.getMessage());
        e = refused(text("2 3\na 0.1 0.3\nb 1 2 3\n"));
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("expected 3 numbers after the word 'a', found 2"), e.getMessage());
    }

    @Test
    void duplicateWordsAreReportedAsWarnings() throws IOException {
        List<String> warnings = new ArrayList<>();
        WordVectors wv = WordVectors.load(
                text("a 1 2\nb 3 4\na 5 6\n"), LoadOptions.DEFAULT, ProgressListener.warningsTo(warnings::add));
        assertEquals(2, wv.size());
        assertEquals(
                List.of(dir.resolve("v.txt") + ": duplicate word 'a' (row 3); keeping its first occurrence"), warnings);
    }

    @Test
    void binaryHeaderAnnouncingTwoToThe31WordsFailsBeforeAllocating() throws IOException {
        Path file = write("v.bin", binary("2147483648 300", new String[] {"a"}, new float[300]));
        MalformedFileException e = refused(file);
        assertTrue(e.getMessage().contains("2147483648"), e.getMessage());
        file = write("v.bin", binary("1000000 300", new String[] {"a"}, new float[300]));
        e = refused(file);
        assertTrue(e.getMessage().contains("the header announces 1000000 words × 300 dimensions"), e.getMessage());
    }

    @Test
    void headerWhoseRowsTimesDimensionOverflowsIsAnErrorNotAnEmptyFile() throws IOException {
        // 2^45 × 2^19 = 2^64 wraps around to 0 in a long
        Path file = write("v.bin", binary("35184372088832 524288", new String[] {"a"}, new float[4]));
        MalformedFileException e = refused(file);
        assertTrue(e.getMessage().contains("35184372088832"), e.getMessage());
    }

    @Test
    void textHeaderAnnouncingAHugeDimensionFailsBeforeAllocating() throws IOException {
        StringBuilder s = new StringBuilder("3000 1000000\n");
        for (int i = 0; i < 3000; i++) {
            s.append("w").append(i).append(" 1\n");
        }
        MalformedFileException e = refused(text(s.toString()));
        assertTrue(e.getMessage().contains("announces more than the file holds"), e.getMessage());
    }

    @Test
    void gzipTextHeaderAnnouncingMoreWordsThanItHoldsFailsBeforeAllocating() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("2000000000 300\na 1 2 3\n".getBytes(StandardCharsets.UTF_8));
        }
        MalformedFileException e = refused(write("v.txt.gz", bytes.toByteArray()));
        assertTrue(e.getMessage().contains("2000000000"), e.getMessage());
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }

    /**
     * Every format with a header, announcing 20,000,000 words × 100 dimensions or 30,000 words ×
     * 70,000 dimensions (8 GB of floats, more than a test JVM's heap: allocating the matrix would
     * end in OutOfMemoryError) over one short record: a one-line error naming the header's figure.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "v.txt 20000000 100",
                "v.vec 30000 70000",
                "v.txt.gz 20000000 100",
                "v.bin 20000000 100",
                "v.bin 30000 70000",
                "v.bin.gz 20000000 100",
                "v.bin.gz 30000 70000"
            })
    void headerAnnouncingMoreThanTheFileHoldsFailsBeforeAllocatingInOneLine(String spec) throws IOException {
        String[] f = spec.split(" ");
        String name = f[0];
        String header = f[1] + " " + f[2];
        byte[] content = name.contains(".bin")
                ? binary(header, new String[] {"a", "b"}, new float[] {1, 2, 3}, new float[] {4, 5, 6})
                : (header + "\na 1 2 3\nb 4 5 6\n").getBytes(StandardCharsets.UTF_8);
        Path file = write(name, name.endsWith(".gz") ? gzip(content) : content);
        MalformedFileException e = refused(file);
        assertTrue(e.getMessage().contains(f[1]) || e.getMessage().contains(f[2]), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    /**
     * A file of about 1 kB in every format whose header announces 3,000,000,000 words × 300 (more
     * rows than an int holds, 3.6 TB of floats) or 1,000,000 words × 100,000 (400 GB): a one-line
     * error naming the figure the header announces, before anything proportional to it is allocated
     * (the test JVM's heap could not hold it).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "v.txt 3000000000 300",
                "v.txt 1000000 100000",
                "v.vec 3000000000 300",
                "v.vec 1000000 100000",
                "v.txt.gz 3000000000 300",
                "v.txt.gz 1000000 100000",
                "v.bin 3000000000 300",
                "v.bin 1000000 100000",
                "v.bin.gz 3000000000 300",
                "v.bin.gz 1000000 100000",
                "v.seqlab 3000000000 300",
                "v.seqlab 1000000 100000"
            })
    void oneKilobyteFileAnnouncingHugeSizesFailsInOneLineBeforeAllocating(String spec) throws IOException {
        String[] f = spec.split(" ");
        String name = f[0];
        int words = 60;
        String[] w = new String[words];
        float[][] v = new float[words][];
        StringBuilder text = new StringBuilder(f[1] + " " + f[2] + "\n");
        for (int i = 0; i < words; i++) {
            w[i] = "w" + i;
            v[i] = new float[] {i, 1, 2};
            text.append(w[i]).append(" ").append(i).append(" 1 2\n");
        }
        byte[] content;
        if (name.endsWith(".seqlab")) {
            Path small = dir.resolve("small.seqlab");
            float[] m = new float[words * 3];
            for (int i = 0; i < words; i++) {
                System.arraycopy(v[i], 0, m, 3 * i, 3);
            }
            WordVectors.of(List.of(w), m, 3).save(small, VectorFormat.SEQLAB);
            content = Files.readAllBytes(small);
            ByteBuffer.wrap(content)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(12, Integer.parseInt(f[2]))
                    .putLong(16, Long.parseLong(f[1]));
        } else if (name.contains(".bin")) {
            content = binary(f[1] + " " + f[2], w, v);
        } else {
            content = text.toString().getBytes(StandardCharsets.UTF_8);
        }
        Path file = write(name, name.endsWith(".gz") ? gzip(content) : content);
        assertTrue(Files.size(file) < 4096, Files.size(file) + " bytes");
        MalformedFileException e = refused(file);
        assertTrue(e.getMessage().contains(f[1]) || e.getMessage().contains(f[2]), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void seqlabHeaderAnnouncingMoreWordsThanTheFileHoldsIsRefused() throws IOException {
        Path file = dir.resolve("v.seqlab");
        WordVectors.of(List.of("x", "y"), new float[] {1, 2, 3, 4}, 2).save(file, VectorFormat.SEQLAB);
        byte[] b = Files.readAllBytes(file);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(16, 20_000_000L);
        MalformedFileException e = refused(write("v.seqlab", b));
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("corrupt"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void seqlabHeaderWhoseSizesOverflowIsRefused() throws IOException {
        Path file = dir.resolve("v.seqlab");
        WordVectors.of(List.of("x", "y"), new float[] {1, 2, 3, 4}, 2).save(file, VectorFormat.SEQLAB);
        byte[] b = Files.readAllBytes(file);
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        // dim 2^31-1 and rows 2^31-1: 4 × rows × dim wraps around a long
        h.putInt(12, Integer.MAX_VALUE).putLong(16, Integer.MAX_VALUE);
        MalformedFileException e = refused(write("v.seqlab", b));
        assertTrue(e.getMessage().contains("2147483647 words"), e.getMessage());
    }

    @Test
    void truncatedGzipNamesTheFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 2000; i++) {
                gz.write(("w" + i + " 0.25 0.5 " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] all = bytes.toByteArray();
        Path file = write("cut.txt.gz", Arrays.copyOf(all, all.length / 2));
        MalformedFileException e = refused(file);
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void directoriesDevicesAndPipesAreRefusedAtOnce() throws Exception {
        FileSystemException e = assertThrows(FileSystemException.class, () -> WordVectors.load(dir));
        assertEquals(dir + ": is a directory, not a word-vectors file", e.getMessage());
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            e = assertThrows(FileSystemException.class, () -> WordVectors.load(zero));
            assertEquals("/dev/zero: is a device or a pipe, not a word-vectors file", e.getMessage());
        }
        Path fifo = dir.resolve("fifo");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException noMkfifo) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available");
        e = assertThrows(FileSystemException.class, () -> WordVectors.load(fifo));
        assertTrue(e.getMessage().contains("a device or a pipe"), e.getMessage());
    }
}
