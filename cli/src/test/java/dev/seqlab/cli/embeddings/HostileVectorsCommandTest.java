package dev.seqlab.cli.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.cli.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code seqlab embeddings} says about vectors files it refuses or loads with reservations. */
class HostileVectorsCommandTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("vectors.txt");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void nonNumericTokenNamesLineColumnAndToken() throws IOException {
        Path f = file("2 3\na 0.1 x 0.3\nb 1 2 3\n");
        CliRun r = CliRun.of("embeddings", "similar", "--vectors", f.toString(), "b");
        assertEquals(2, r.code(), r.err());
        assertEquals(
                "seqlab: " + f + ":2: column 3 is 'x', not a number (word 'a')",
                r.err().strip());
    }

    @Test
    void nonFiniteIsRefusedUnlessAllowedThenWarnedInTheCliStyle() throws IOException {
        Path f = file("2 3\na 0.1 nan 0.3\nb 1 2 3\n");
        CliRun r = CliRun.of("embeddings", "similarity", "--vectors", f.toString(), "a", "b");
        assertEquals(2, r.code(), r.err());
        assertTrue(
                r.err().startsWith("seqlab: " + f + ":2: column 3 is 'nan' (word 'a'), not a finite float32 value"),
                r.err());
        assertTrue(r.err().contains("--allow-non-finite"), r.err());
        r = CliRun.of("embeddings", "similarity", "--vectors", f.toString(), "--allow-non-finite", "a", "b");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("seqlab: warning: " + f + ":2: column 3 is 'nan'"), r.err());
    }

    @Test
    void duplicateWordsAreWarnedInTheCliStyleNotByALogger() throws IOException {
        Path f = file("a 1 0\nb 0 1\na 1 1\n");
        CliRun r = CliRun.of("embeddings", "similarity", "--vectors", f.toString(), "a", "b");
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "seqlab: warning: " + f + ": duplicate word 'a' (row 3); keeping its first occurrence",
                r.err().strip());
        assertFalse(r.err().contains("WARN"), r.err());
    }

    /** A 1 kB word2vec binary file whose header announces 3,000,000,000 words × 300 or 1,000,000 × 100,000. */
    @ParameterizedTest
    @ValueSource(strings = {"3000000000 300", "1000000 100000"})
    void headerAnnouncingMoreThanTheFileHoldsIsOneLineAndExit2(String header) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((header + "\n").getBytes(StandardCharsets.US_ASCII));
        ByteBuffer vector = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        vector.putFloat(1).putFloat(2).putFloat(3);
        for (int i = 0; i < 60; i++) {
            bytes.write(("w" + i + " ").getBytes(StandardCharsets.US_ASCII));
            bytes.write(vector.array());
        }
        Path f = dir.resolve("vectors.bin");
        Files.write(f, bytes.toByteArray());
        CliRun r = CliRun.of("embeddings", "similar", "--vectors", f.toString(), "w1");
        CliRun.assertOneLineExit2(r, "seqlab: " + f + ": the header announces " + header.replace(" ", " words × "));
        assertTrue(r.err().contains("truncated, or not a word2vec binary file"), r.err());
    }

    @Test
    void directoryAndDeviceAreOneLineErrors() {
        CliRun r = CliRun.of("embeddings", "similar", "--vectors", dir.toString(), "b");
        assertEquals(2, r.code(), r.err());
        assertEquals(
                "seqlab: " + dir + ": is a directory, not a word-vectors file",
                r.err().strip());
        if (Files.exists(Path.of("/dev/zero"))) {
            r = CliRun.of("embeddings", "similar", "--vectors", "/dev/zero", "b");
            assertEquals(2, r.code(), r.err());
            assertEquals(
                    "seqlab: /dev/zero: is a device or a pipe, not a word-vectors file",
                    r.err().strip());
        }
    }
}
