package dev.seqlab.core.io;

import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies an exact number of bytes out of a larger stream into a file: the embedded files of a
 * checkpoint (an encoded corpus, shuffled co-occurrences) are stored as a length and the bytes.
 */
public final class ExactCopy {
    private static final int BUFFER = 1 << 16;

    private ExactCopy() {}

    /**
     * Writes the next {@code bytes} bytes of {@code in} to {@code file} (created or replaced).
     *
     * @throws java.io.EOFException if {@code in} ends first
     * @throws IOException          if reading or writing fails, or {@code bytes} is negative
     */
    public static void toFile(DataInput in, long bytes, Path file) throws IOException {
        if (bytes < 0) {
            throw new IOException("a negative length (" + bytes + ") for the bytes of " + file);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
            byte[] buffer = new byte[BUFFER];
            for (long left = bytes; left > 0; ) {
                int n = (int) Math.min(buffer.length, left);
                in.readFully(buffer, 0, n);
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
