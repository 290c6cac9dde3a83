package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
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
    static final int MAX_WORD_BYTES = 1 << 16;

    private Word2VecBinaryReader() {}

    static ParsedVectors read(Path file, DetectedFormat format, LoadOptions options, ProgressListener progress)
            throws IOException {
        long rows = format.headerRows();
        if (options.limit() > 0) {
            rows = Math.min(rows, options.limit());
        }
        int dim = format.dim();
        NonFiniteValues nonFinite = new NonFiniteValues(file, options.allowNonFinite());
        progress.start("Reading " + file.getFileName(), rows, "words");
        ParsedVectors parsed;
        if (format.gzip()) {
            // the decompressed size is unknown: the arrays grow with what is read
            TextVectorReader.checkedSize(file, rows, dim);
            try (InputStream in = TextVectorReader.gunzip(file)) {
                in.skipNBytes(format.dataStart());
                int initial = (int) Math.min(rows, Math.max(1, (1 << 20) / dim));
                parsed = parse(file, ByteSource.stream(in), format, (int) rows, initial, nonFinite, progress);
            }
        } else {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                parsed = readRecords(file, ch, format, rows, options.threads(), nonFinite, progress);
            }
        }
        progress.finish();
        nonFinite.report(progress);
        return parsed;
    }

    /**
     * Reads an uncompressed file in two passes of positional reads (not a memory mapping: mapped
     * pages would count in the process's resident memory beside the matrix, doubling it). The
     * first, sequential, steps from word to word (a word's vector has a fixed length, so only the
     * words' bytes are looked at) and notes where each record starts; a file whose header
     * announces more words or longer vectors than it holds fails here, before the matrix is
     * allocated. The second splits the rows over {@code threads} threads, each reading its records
     * in blocks, decoding its words and copying its vectors into the one matrix.
     */
    private static ParsedVectors readRecords(
            Path file,
            FileChannel ch,
            DetectedFormat format,
            long wanted,
            int threads,
            NonFiniteValues nonFinite,
            ProgressListener progress)
            throws IOException {
        int dim = format.dim();
        int vectorBytes = 4 * dim;
        long end = ch.size();
        long bytes = end - format.dataStart();
        checkRoom(file, format, wanted, bytes);
        int rows = TextVectorReader.checkedSize(file, wanted, dim) / dim;
        // where each word starts and how long it is: 12 bytes a row, a third of a percent of the matrix
        long[] starts = new long[rows];
        int[] lengths = new int[rows];
        byte[] buf = new byte[(int) Math.min(BLOCK, Math.max(1 << 12, bytes + 1))];
        long bufStart = format.dataStart();
        int len = 0;
        long p = format.dataStart();
        for (int row = 0; row < rows; row++) {
            if (p + MAX_WORD_BYTES + 2 > bufStart + len && bufStart + len < end) {
                bufStart = p;
                len = readFully(ch, p, buf, (int) Math.min(buf.length, end - p));
            }
            int i = (int) (p - bufStart);
            while (i < len && buf[i] == '\n') {
                i++;
            }
            int start = i;
            int limit = Math.min(len, start + MAX_WORD_BYTES + 1);
            while (i < limit && buf[i] != ' ') {
                i++;
            }
            if (i == len && bufStart + len == end) {
                throw endsInsideWord(file, format, row, bufStart + start);
            }
            if (i == limit || i == start) {
                throw badWord(file, row, bufStart + start, i == start);
            }
            starts[row] = bufStart + start;
            lengths[row] = i - start;
            p = bufStart + i + 1 + vectorBytes;
            if (p > end) {
                throw endsInsideVector(file, format, row, new String(buf, start, i - start, StandardCharsets.UTF_8));
            }
        }
        buf = null;
        float[] matrix = new float[TextVectorReader.checkedSize(file, rows, dim)];
        String[] words = new String[rows];
        int parts = Math.max(1, Math.min(threads, rows / 4096));
        int block = Math.max(BLOCK, MAX_WORD_BYTES + 1 + vectorBytes);
        ParallelParts.run(parts, t -> {
            int from = (int) ((long) rows * t / parts);
            int to = (int) ((long) rows * (t + 1) / parts);
            byte[] records = new byte[block];
            for (int row = from; row < to; ) {
                long first = starts[row];
                int n = 1;
                while (row + n < to && starts[row + n] + lengths[row + n] + 1 + vectorBytes - first <= block) {
                    n++;
                }
                long last = starts[row + n - 1] + lengths[row + n - 1] + 1 + vectorBytes;
                readFully(ch, first, records, (int) (last - first));
                for (int r = row; r < row + n; r++) {
                    int at = (int) (starts[r] - first);
                    words[r] = new String(records, at, lengths[r], StandardCharsets.UTF_8);
                    if (!copyFloats(records, at + lengths[r] + 1, matrix, r * dim, dim)) {
                        reportNonFinite(records, at + lengths[r] + 1, dim, r, words[r], starts[r], nonFinite);
                    }
                }
                progress.advance(n);
                row += n;
            }
            return null;
        });
        return new ParsedVectors(words, matrix, rows, dim);
    }

    /**
     * Fails at once when {@code bytes} after the header cannot hold {@code rows} records (half the
     * smallest, a one-byte word, its space and its vector, or less); a file a little short fails
     * in the scan, naming the word where it ends. Both before anything proportional to the rows
     * is allocated.
     */
    static void checkRoom(Path file, DetectedFormat format, long rows, long bytes) throws MalformedFileException {
        long perRecord = 4L * format.dim() + 2;
        if (rows > 2 * bytes / perRecord) {
            throw new MalformedFileException(
                    file,
                    0,
                    "the header announces " + format.headerRows() + " words × " + format.dim()
                            + " dimensions, at least " + perRecord + " bytes per word, but the file has " + bytes
                            + " bytes after its header: truncated, or not a word2vec binary file");
        }
    }

    static MalformedFileException endsInsideWord(Path file, DetectedFormat format, int row, long at) {
        return new MalformedFileException(
                file,
                0,
                "the file ends inside word " + (row + 1) + " of the " + format.headerRows()
                        + " its header announces (byte " + at + ")");
    }

    static MalformedFileException badWord(Path file, int row, long at, boolean empty) {
        return new MalformedFileException(
                file,
                0,
                "word " + (row + 1) + " at byte " + at
                        + (empty ? " is empty" : " is longer than " + MAX_WORD_BYTES + " bytes")
                        + ": not a word2vec binary file, or a damaged one");
    }

    static MalformedFileException endsInsideVector(Path file, DetectedFormat format, int row, String word) {
        return new MalformedFileException(
                file,
                0,
                "the file ends inside the vector of word " + (row + 1) + " ('" + word + "') of the "
                        + format.headerRows() + " its header announces");
    }

    /** Reads {@code count} bytes at file offset {@code at} into {@code dst[0...]} (fewer only at the end of the file). */
    private static int readFully(FileChannel ch, long at, byte[] dst, int count) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(dst, 0, count);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                break;
            }
        }
        return b.position();
    }

    /** Copies {@code dim} little-endian floats from {@code src[at...]}; false if one is NaN or infinite. */
    private static boolean copyFloats(byte[] src, int at, float[] dst, int off, int dim) {
        boolean finite = true;
        for (int k = 0; k < dim; k++) {
            float v = (float) FLOATS.get(src, at + 4 * k);
            dst[off + k] = v;
            finite &= Float.isFinite(v);
        }
        return finite;
    }

    private static void reportNonFinite(
            byte[] src, int at, int dim, int row, String word, long start, NonFiniteValues nonFinite)
            throws MalformedFileException {
        for (int k = 0; k < dim; k++) {
            float v = (float) FLOATS.get(src, at + 4 * k);
            if (!Float.isFinite(v)) {
                nonFinite.found(
                        0,
                        "word " + (row + 1) + " ('" + word + "', byte " + start + "): component " + (k + 1) + " is "
                                + v);
                return;
            }
        }
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
                throw endsInsideWord(file, format, row, consumed + start);
            }
            if (p - start > MAX_WORD_BYTES || p == start) {
                throw badWord(file, row, consumed + start, p == start);
            }
            if (row == words.length) {
                int grown = (int) Math.min(rows, 2L * words.length);
                words = Arrays.copyOf(words, grown);
                matrix = Arrays.copyOf(matrix, grown * dim);
            }
            words[row] = new String(buf, start, p - start, StandardCharsets.UTF_8);
            p++;
            if (len - p < vectorBytes) {
                throw endsInsideVector(file, format, row, words[row]);
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
