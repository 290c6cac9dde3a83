package dev.seqlab.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files atomically: the content goes to a hidden temporary file in the target's
 * directory, is flushed to disk, and is then renamed over the target. Readers see the old file
 * or the complete new one, never a half-written file; if writing fails, the temporary file is
 * removed and an existing target is left untouched.
 *
 * <pre>{@code
 * AtomicFiles.write(path, out -> out.write(bytes));
 * }</pre>
 *
 * <p>The temporary file is named {@code .NAME.seqlab-PID-RANDOM.tmp}, PID being the writing
 * process. A process killed while writing (SIGKILL, power loss) cannot remove it, so every
 * write first removes the files of that naming in its directory whose process is gone.
 */
public final class AtomicFiles {

    /** Writes content to a stream; may throw IOException. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything to {@code out} (buffered; do not close it). */
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String TEMP_INFIX = ".seqlab-";
    /** {@code .NAME.seqlab-PID-HEX.tmp}: group 1 is the PID of the process that wrote it. */
    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.seqlab-(\\d{1,19})-[0-9a-f]{1,16}\\.tmp");

    private AtomicFiles() {}

    /**
     * Deletes the temporary files of {@link #write} in {@code dir} whose writing process is no
     * longer running (left by a process that was killed); returns how many. Files of running
     * processes, and every other file, are left alone. A directory that cannot be listed is
     * skipped: cleaning up is a courtesy, never a reason for a write to fail.
     */
    public static int removeStale(Path dir) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : files) {
                Matcher m = TEMP_NAME.matcher(f.getFileName().toString());
                if (m.matches() && !running(m.group(1)) && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // not listable (or a file vanished meanwhile): nothing to clean up here
        }
        return removed;
    }

    private static boolean running(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a PID we wrote: leave it alone
        }
    }

    /**
     * Replaces (or creates) {@code target} with what {@code content} writes.
     *
     * @throws java.nio.file.NoSuchFileException if the target's directory does not exist
     * @throws IOException                       if writing or renaming fails; the target is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        removeStale(dir);
        Path tmp = dir.resolve(
                "." + abs.getFileName() + TEMP_INFIX + ProcessHandle.current().pid() + "-"
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
