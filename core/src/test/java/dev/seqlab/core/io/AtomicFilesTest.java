package dev.seqlab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesNewAndReplacesExistingFiles() throws IOException {
        Path p = dir.resolve("vectors.txt");
        AtomicFiles.write(p, out -> out.write("one".getBytes(StandardCharsets.UTF_8)));
        assertEquals("one", Files.readString(p));
        AtomicFiles.write(p, out -> out.write("two".getBytes(StandardCharsets.UTF_8)));
        assertEquals("two", Files.readString(p));
        assertEquals(List.of("vectors.txt"), listing());
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path p = dir.resolve("model.safetensors");
        Files.writeString(p, "precious");
        IOException e = assertThrows(
                IOException.class,
                () -> AtomicFiles.write(p, out -> {
                    out.write(new byte[100_000]);
                    throw new IOException("disk full (simulated)");
                }));
        assertEquals("disk full (simulated)", e.getMessage());
        assertEquals("precious", Files.readString(p));
        assertEquals(List.of("model.safetensors"), listing());
        assertThrows(
                IllegalStateException.class,
                () -> AtomicFiles.write(p, out -> {
                    throw new IllegalStateException("bug in the writer");
                }));
        assertEquals("precious", Files.readString(p));
        assertEquals(List.of("model.safetensors"), listing());
    }

    @Test
    void missingDirectoryIsNoSuchFile() {
        assertThrows(
                NoSuchFileException.class,
                () -> AtomicFiles.write(dir.resolve("no/such/dir/f.txt"), out -> out.write(1)));
    }

    @Test
    void temporaryFilesOfAKilledWriterAreRemovedByTheNextWriteOthersAreKept() throws Exception {
        // a process that has ended: its PID names no running process any more
        Process gone = new ProcessBuilder("java", "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        gone.waitFor();
        long deadPid = gone.pid();
        assumeFalse(ProcessHandle.of(deadPid).map(ProcessHandle::isAlive).orElse(false), "PID reused at once");
        String stale = ".vectors.bin.seqlab-" + deadPid + "-1f2e3d.tmp";
        String live = ".model.bin.seqlab-" + ProcessHandle.current().pid() + "-abc.tmp";
        String foreign = ".vectors.bin.1f2e3d.tmp"; // no owner in its name: not ours to judge
        for (String name : List.of(stale, live, foreign)) {
            Files.writeString(dir.resolve(name), "half-written");
        }
        AtomicFiles.write(dir.resolve("other.txt"), out -> out.write('x'));
        assertEquals(List.of(live, foreign, "other.txt").stream().sorted().toList(), listing());
        assertEquals(0, AtomicFiles.removeStale(dir));
        assertEquals(0, AtomicFiles.removeStale(dir.resolve("no-such-dir")));
    }

    @Test
    void theTemporaryFileNamesItsWriter() throws IOException {
        Path p = dir.resolve("f.txt");
        String[] seen = new String[1];
        AtomicFiles.write(p, out -> seen[0] = listing().get(0));
        assertTrue(
                seen[0].matches("\\.f\\.txt\\.seqlab-" + ProcessHandle.current().pid() + "-[0-9a-f]+\\.tmp"), seen[0]);
    }
}
