package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.MalformedFileException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * A gzip stream whose low-level failures (corrupt deflate data, a stream cut short) become a
 * {@link MalformedFileException} naming the file, instead of the JDK's anonymous
 * {@link ZipException} or {@link EOFException}.
 */
final class GzipErrors extends FilterInputStream {
    private final Path file;

    GzipErrors(Path file, InputStream gunzipped) {
        super(gunzipped);
        this.file = file;
    }

    static MalformedFileException malformed(Path file, IOException e) {
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
