package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.embeddings.store.StoredVectors;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * seqlab's own word-vector format (layouts in the package documentation). Version 2, written now,
 * is memory-mapped and queried in place ({@link SeqlabMapping}, {@link SeqlabWriter}); version 1
 * (a 64-byte header, the float32 matrix, then the vocabulary) is still read, into memory, by this
 * class.
 */
public final class SeqlabFormat {
    /** The first eight bytes of every seqlab vectors file. */
    static final byte[] MAGIC = "SEQLABWV".getBytes(StandardCharsets.US_ASCII);
    /** The version written, memory-mapped when read. */
    static final int VERSION = 2;
    /** The first version, still read (into memory). */
    static final int VERSION_1 = 1;
    /** Bytes of the fixed header of every version. */
    static final int HEADER_BYTES = 64;
    /** The largest dimension a seqlab file may declare. */
    static final int MAX_DIM = 1 << 20;
    /** Where the matrix starts in a version-1 file. */
    static final long MATRIX_OFFSET = 64;
    /** Largest region mapped at once (whole rows of it are copied per mapping). */
    private static final long MAP_WINDOW = 1L << 30;

    private static final Logger LOG = LoggerFactory.getLogger(SeqlabFormat.class);

    private SeqlabFormat() {}

    /** True when {@code head} starts with the seqlab magic. */
    static boolean hasMagic(byte[] head) {
        if (head.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The format version of a seqlab vectors file (whose magic has been checked).
     *
     * @throws MalformedFileException if the file is too short to have one
     */
    static int version(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer v = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            if (ch.read(v, MAGIC.length) < 4) {
                throw new MalformedFileException(
                        file,
                        0,
                        "seqlab vectors file truncated: " + ch.size() + " bytes, shorter than its 64-byte header");
            }
            return v.getInt(0);
        }
    }

    /**
     * Reads the first {@code limit} words (0 = all) of a seqlab vectors file into memory: version 1
     * as written, version 2 through its mapping; non-finite components are refused or counted in
     * {@code nonFinite}.
     */
    static ParsedVectors read(Path file, int limit, NonFiniteValues nonFinite) throws IOException {
        if (version(file) == VERSION) {
            StoredVectors v = SeqlabMapping.open(file, limit, nonFinite);
            return new ParsedVectors(
                    v.words().asArray(),
                    v.rows().asArray(),
                    v.rows().rows(),
                    v.rows().dim());
        }
        LOG.warn(
                "{} is in the first seqlab vectors format, read into memory at every load; rewrite it in the"
                        + " current one, which opens at once: seqlab embeddings convert --vectors {} --out NEW.seqlab"
                        + " --format seqlab",
                file,
                file);
        return readVersion1(file, limit, nonFinite);
    }

    private static ParsedVectors readVersion1(Path file, int limit, NonFiniteValues nonFinite) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < MATRIX_OFFSET) {
                throw new MalformedFileException(
                        file, 0, "seqlab vectors file truncated: " + size + " bytes, shorter than its 64-byte header");
            }
            ByteBuffer h = ByteBuffer.allocate((int) MATRIX_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(h, 0);
            h.flip();
            byte[] magic = new byte[MAGIC.length];
            h.get(magic);
            if (!hasMagic(magic)) {
                throw new MalformedFileException(file, 0, "not a seqlab vectors file (wrong magic bytes)");
            }
            int version = h.getInt();
            int dim = h.getInt();
            long rows = h.getLong();
            long vocabOffset = h.getLong();
            long vocabBytes = h.getLong();
            if (version != VERSION_1) {
                throw new MalformedFileException(
                        file,
                        0,
                        "seqlab vectors format version " + version + " is not supported (this seqlab reads versions "
                                + VERSION_1 + " and " + VERSION + ")");
            }
            if (dim <= 0 || dim > MAX_DIM || rows < 0 || rows > Integer.MAX_VALUE) {
                throw new MalformedFileException(
                        file, 0, "corrupt seqlab header: " + rows + " words × " + dim + " dimensions");
            }
            if (rows > 0 && dim > (size - MATRIX_OFFSET) / 4 / rows) {
                throw new MalformedFileException(
                        file,
                        0,
                        "corrupt or truncated seqlab vectors file: the header"
                                + " announces " + rows + " words × " + dim + " dimensions, more than its " + size
                                + " bytes hold");
            }
            long expectedVocab = MATRIX_OFFSET + 4L * rows * dim;
            if (vocabOffset != expectedVocab || vocabBytes < 4L * rows || vocabOffset + vocabBytes != size) {
                throw new MalformedFileException(
                        file,
                        0,
                        "corrupt or truncated seqlab vectors file: the header"
                                + " describes " + (expectedVocab + vocabBytes) + " bytes for " + rows + " words × "
                                + dim
                                + ", the file has " + size);
            }
            int n = (int) (limit > 0 ? Math.min(rows, limit) : rows);
            float[] matrix = new float[TextVectorReader.checkedSize(file, n, dim)];
            long rowsPerWindow = Math.max(1, MAP_WINDOW / (4L * dim));
            for (long r = 0; r < n; r += rowsPerWindow) {
                long count = Math.min(rowsPerWindow, n - r);
                MappedByteBuffer map =
                        ch.map(FileChannel.MapMode.READ_ONLY, MATRIX_OFFSET + 4L * r * dim, 4L * count * dim);
                map.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(matrix, (int) (r * dim), (int) (count * dim));
            }
            String[] words = readVocabulary(file, ch, vocabOffset, vocabBytes, n);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < dim; k++) {
                    float v = matrix[i * dim + k];
                    if (!Float.isFinite(v)) {
                        nonFinite.found(
                                0, "word " + (i + 1) + " ('" + words[i] + "'): component " + (k + 1) + " is " + v);
                        break;
                    }
                }
            }
            return new ParsedVectors(words, matrix, n, dim);
        }
    }

    private static String[] readVocabulary(Path file, FileChannel ch, long offset, long bytes, int n)
            throws IOException {
        String[] words = new String[n];
        ch.position(offset);
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch), 1 << 16));
        byte[] tmp = new byte[256];
        long left = bytes;
        for (int i = 0; i < n; i++) {
            if (left < 4) {
                throw new MalformedFileException(file, 0, "truncated seqlab vocabulary at word " + (i + 1));
            }
            int len = Integer.reverseBytes(in.readInt());
            left -= 4;
            if (len <= 0 || len > left) {
                throw new MalformedFileException(
                        file,
                        0,
                        "corrupt seqlab vocabulary at word " + (i + 1) + ": length " + len + " with " + left
                                + " bytes left");
            }
            if (tmp.length < len) {
                tmp = new byte[Math.max(len, 2 * tmp.length)];
            }
            in.readFully(tmp, 0, len);
            left -= len;
            words[i] = new String(tmp, 0, len, StandardCharsets.UTF_8);
        }
        return words;
    }

    /** Writes {@code rows} words and their vectors atomically in the seqlab format (the current version). */
    static void write(Path file, String[] words, float[] matrix, int rows, int dim) throws IOException {
        SeqlabWriter.write(file, words, matrix, rows, dim);
    }

    /** Writes {@code count} floats little-endian. */
    static void writeFloats(OutputStream out, float[] values, int offset, int count) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        int per = buf.capacity() / 4;
        for (int i = 0; i < count; i += per) {
            int c = Math.min(per, count - i);
            buf.clear();
            buf.asFloatBuffer().put(values, offset + i, c);
            out.write(buf.array(), 0, 4 * c);
        }
    }
}
