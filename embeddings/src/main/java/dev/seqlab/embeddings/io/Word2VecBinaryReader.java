package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads word2vec binary files: after the header line {@code N D}, per word its bytes up to a
 * space, then D little-endian float32 values. Newlines before a word (the C tool writes one
 * after each vector) are skipped, as gensim does.
 */
final class Word2VecBinaryReader {
    private static final VarHandle FLOATS =
            MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int BLOCK = 1 << 22;
    /** Longer words are taken as a sign of a damaged file. */
    private static final int MAX_WORD_BYTES = 1 << 16;

    private Word2VecBinaryReader() {}

    static ParsedVectors read(Path file, DetectedFormat format, LoadOptions options, ProgressListener progress)
            throws IOException {
        long rows = format.headerRows();
        if (options.limit() > 0) {
            rows = Math.min(rows, options.limit());
        }
        int dim = format.dim();
        TextVectorReader.checkedSize(file, rows, dim);
        NonFiniteValues nonFinite = new NonFiniteValues(file, options.allowNonFinite());
        progress.start("Reading " + file.getFileName(), rows, "words");
        ParsedVectors parsed;
        if (format.gzip()) {
            // the decompressed size is unknown: the arrays grow with what is read
            try (InputStream in = TextVectorReader.gunzip(file)) {
                in.skipNBytes(format.dataStart());
                int initial = (int) Math.min(rows, Math.max(1, (1 << 20) / dim));
                parsed = parse(file, ByteSource.stream(in), format, (int) rows, initial, nonFinite, progress);
            }
        } else {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long bytes = ch.size() - format.dataStart();
                long perRecord = 4L * dim + 2;
                // far too short fails before allocating (the matrix then takes at most twice the
                // file's size); a little short is reported where the file ends
                if (rows > 2 * bytes / perRecord) {
                    throw new MalformedFileException(
                            file,
                            0,
                            "the header announces " + format.headerRows()
                                    + " words × " + dim + " dimensions, at least " + perRecord
                                    + " bytes per word, but the"
                                    + " file has " + bytes
                                    + " bytes after its header: truncated, or not a word2vec binary file");
                }
                parsed = parse(
                        file,
                        ByteSource.range(ch, format.dataStart(), ch.size()),
                        format,
                        (int) rows,
                        (int) rows,
                        nonFinite,
                        progress);
            }
        }
        progress.finish();
        nonFinite.report(progress);
        return parsed;
    }

    /** Parses {@code rows} records into arrays allocated for {@code capacity} rows and grown as rows arrive. */
    private static ParsedVectors parse(
            Path file,
            ByteSource source,
            DetectedFormat format,
            int rows,
            int capacity,
            NonFiniteValues nonFinite,
            ProgressListener progress)
            throws IOException {
        int dim = format.dim();
        float[] matrix = new float[capacity * dim];
        String[] words = new String[capacity];
        int vectorBytes = 4 * dim;
        byte[] buf = new byte[source.blockSize(Math.max(BLOCK, 2 * (vectorBytes + MAX_WORD_BYTES)))];
        int len = 0;
        int p = 0;
        long consumed = format.dataStart();
        boolean eof = false;
        for (int row = 0; row < rows; row++) {
            // make sure the buffer holds a whole record (or the rest of the file)
            if (!eof && len - p < vectorBytes + MAX_WORD_BYTES + 2) {
                System.arraycopy(buf, p, buf, 0, len - p);
                consumed += p;
                len -= p;
                p = 0;
                int r = source.readFully(buf, len, buf.length - len);
                eof = len + r < buf.length;
                len += r;
            }
            while (p < len && buf[p] == '\n') {
                p++;
            }
            int start = p;
            while (p < len && buf[p] != ' ') {
                p++;
            }
            if (p >= len) {
                throw new MalformedFileException(
                        file,
                        0,
                        "the file ends inside word " + (row + 1) + " of the " + format.headerRows()
                                + " its header announces (byte " + (consumed + start) + ")");
            }
            if (p - start > MAX_WORD_BYTES || p == start) {
                throw new MalformedFileException(
                        file,
                        0,
                        "word " + (row + 1) + " at byte " + (consumed + start)
                                + (p == start ? " is empty" : " is longer than " + MAX_WORD_BYTES + " bytes")
                                + ": not a word2vec binary file, or a damaged one");
            }
            if (row == words.length) {
                int grown = (int) Math.min(rows, 2L * words.length);
                words = Arrays.copyOf(words, grown);
                matrix = Arrays.copyOf(matrix, grown * dim);
            }
            words[row] = new String(buf, start, p - start, StandardCharsets.UTF_8);
            p++;
            if (len - p < vectorBytes) {
                throw new MalformedFileException(
                        file,
                        0,
                        "the file ends inside the vector of word " + (row + 1) + " ('" + words[row] + "') of the "
                                + format.headerRows() + " its header announces");
            }
            int out = row * dim;
            boolean finite = true;
            for (int k = 0; k < dim; k++) {
                float v = (float) FLOATS.get(buf, p + 4 * k);
                matrix[out + k] = v;
                if (!Float.isFinite(v) && finite) {
                    finite = false;
                    nonFinite.found(
                            0,
                            "word " + (row + 1) + " ('" + words[row] + "', byte " + (consumed + start) + "): component "
                                    + (k + 1) + " is " + v);
                }
            }
            p += vectorBytes;
            if ((row & 0xffff) == 0xffff) {
                progress.advance(0x10000);
            }
        }
        progress.advance(rows & 0xffff);
        return new ParsedVectors(words, matrix, rows, dim);
    }
}
