package dev.seqlab.core.io;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Decompresses a gzip file so that its low-level failures (a corrupt header or deflate data, a
 * stream cut short) become a {@link MalformedFileException} naming the file, instead of the JDK's
 * anonymous {@link ZipException} or {@link EOFException} (whose message may be null).
 */
public final class GzipInput extends FilterInputStream {
    private final Path file;

    private GzipInput(Path file, InputStream gunzipped) {
        super(gunzipped);
        this.file = file;
    }

    /**
     * The decompressed content of {@code compressed}, the bytes of {@code file}; closes
     * {@code compressed} when its gzip header is invalid.
     *
     * @throws MalformedFileException naming the file if the gzip header is corrupt or cut short
     */
    public static InputStream open(Path file, InputStream compressed, int bufferSize) throws IOException {
        try {
            return new GzipInput(file, new GZIPInputStream(compressed, bufferSize));
        } catch (ZipException | EOFException e) {
            compressed.close();
            throw malformed(file, e);
        }
    }

    private static MalformedFileException malformed(Path file, IOException e) {
        String what = e instanceof EOFException ? "truncated gzip data" : "corrupt gzip data";
        return new MalformedFileException(file, 0, what + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (ZipException | EOFException e) {
            throw malformed(file, e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (ZipException | EOFException e) {
            throw malformed(file, e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (ZipException | EOFException e) {
            throw malformed(file, e);
        }
    }
}
