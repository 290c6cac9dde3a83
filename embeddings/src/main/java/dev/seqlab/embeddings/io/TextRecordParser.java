package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.query.Int8Quantizer;
import dev.seqlab.embeddings.store.IntChunks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Parses lines {@code word v1 ... vD} (separated by spaces or tabs; trailing blanks and a
 * carriage return allowed) from a {@link ByteSource} straight into rows of a float matrix
 * (and, when asked, each row's norm as {@link Int8Quantizer#norm} computes it, while the row is
 * in cache). One instance parses one contiguous run of lines; several instances fill disjoint row ranges
 * of the same matrix in parallel.
 */
final class TextRecordParser {
    /**
     * Bytes read per block; a block always ends at a line end, so it grows for longer lines. Half a
     * megabyte: big enough for disk speed, small enough that the blocks of all parsing threads fit
     * beside the matrix in a heap of 1.1 × the matrix (below half a G1 region, not humongous).
     */
    static final int BLOCK = (1 << 19) - 64;
    /** Longer lines are taken as a sign of a damaged file (or not a vectors file at all). */
    private static final long MAX_LINE_BYTES = 1 << 26;

    private final Path file;
    private final int dim;
    private final float[] matrix;
    private final WordArena words;
    private final ProgressListener progress;
    private final NonFiniteValues nonFinite;
    private final IntChunks norms;

    TextRecordParser(
            Path file,
            int dim,
            float[] matrix,
            WordArena words,
            IntChunks norms,
            ProgressListener progress,
            NonFiniteValues nonFinite) {
        this.file = file;
        this.dim = dim;
        this.matrix = matrix;
        this.words = words;
        this.progress = progress;
        this.nonFinite = nonFinite;
        this.norms = norms;
    }

    /**
     * Parses exactly {@code rows} lines from {@code source} into rows {@code firstRow...}.
     *
     * @param firstLine the 1-based line number of the first line, for error messages
     * @throws MalformedFileException naming the line when a line is not a word and D numbers,
     *                                or when the source ends early
     */
    void parse(ByteSource source, int firstRow, int rows, long firstLine) throws IOException {
        byte[] buf = new byte[source.blockSize(BLOCK)];
        int len = 0;
        int row = firstRow;
        int endRow = firstRow + rows;
        long line = firstLine;
        boolean eof = false;
        WordArena.Writer writer = words.writer();
        while (row < endRow) {
            if (!eof && len < buf.length) {
                int r = source.readFully(buf, len, buf.length - len);
                eof = len + r < buf.length;
                len += r;
            }
            int stop = len;
            if (!eof) {
                stop = lastNewline(buf, len) + 1;
                if (stop == 0) { // one line longer than the block
                    if (buf.length >= Math.max(MAX_LINE_BYTES, 64L * dim)) {
                        throw new MalformedFileException(
                                file,
                                line,
                                "the line is longer than " + buf.length
                                        + " bytes: not a word-vectors file, or a damaged one");
                    }
                    buf = Arrays.copyOf(buf, buf.length * 2);
                    continue;
                }
            }
            int p = 0;
            while (p < stop && row < endRow) {
                p = parseLine(buf, p, stop, row, line, writer);
                row++;
                line++;
            }
            if (row < endRow && eof && p >= stop) {
                throw new MalformedFileException(
                        file, line, "the file ends here, " + (endRow - row) + " lines before the expected end");
            }
            progress.advance(p);
            System.arraycopy(buf, p, buf, 0, len - p);
            len -= p;
            if (eof && len == 0 && row < endRow) {
                throw new MalformedFileException(
                        file, line, "the file ends here, " + (endRow - row) + " lines before the expected end");
            }
        }
    }

    /** A writer of words for one parsing thread, to pass to {@link #parseLines}. */
    WordArena.Writer writer() {
        return words.writer();
    }

    /**
     * Parses the {@code rows} lines that {@code buf[0, len)} holds (whole lines; the last may lack
     * its line end only at the end of the data) into rows {@code firstRow...}, the words through
     * {@code writer} (a {@link #writer()} of the calling thread).
     */
    void parseLines(byte[] buf, int len, int firstRow, int rows, long firstLine, WordArena.Writer writer)
            throws MalformedFileException {
        int p = 0;
        for (int i = 0; i < rows; i++) {
            p = parseLine(buf, p, len, firstRow + i, firstLine + i, writer);
        }
        progress.advance(p);
    }

    /** "column 3 is 'x'" for the token {@code b[t, p)}, number {@code k} (0-based) after the word. */
    private static String column(byte[] b, int t, int p, int k) {
        String token = new String(b, t, Math.min(p - t, 40), StandardCharsets.UTF_8);
        return "column " + (k + 2) + " is '" + token + (p - t > 40 ? "...'" : "'");
    }

    /** The word {@code b[start, end)}, decoded for an error message. */
    private static String word(byte[] b, int start, int end) {
        return new String(b, start, end - start, StandardCharsets.UTF_8);
    }

    private static int lastNewline(byte[] buf, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean blank(byte c) {
        return c == ' ' || c == '\t';
    }

    private static boolean lineEnd(byte c) {
        return c == '\n' || c == '\r';
    }

    /** Parses the line at {@code p} (ending at '\n' or {@code stop}); returns the start of the next line. */
    private int parseLine(byte[] b, int p, int stop, int row, long line, WordArena.Writer writer)
            throws MalformedFileException {
        int start = p;
        while (p < stop && !blank(b[p]) && !lineEnd(b[p])) {
            p++;
        }
        if (p == start) {
            throw new MalformedFileException(
                    file,
                    line,
                    p < stop && blank(b[p])
                            ? "the line starts with a blank instead of a word"
                            : "empty line where a word and its vector belong");
        }
        writer.add(row, b, start, p - start);
        int wordEnd = p;
        int out = row * dim;
        boolean nonFiniteSeen = false;
        for (int k = 0; k < dim; k++) {
            while (p < stop && blank(b[p])) {
                p++;
            }
            if (p >= stop || lineEnd(b[p])) {
                throw new MalformedFileException(
                        file,
                        line,
                        "expected " + dim + " numbers after the word '" + word(b, start, wordEnd) + "', found " + k);
            }
            int t = p;
            while (p < stop && !blank(b[p]) && !lineEnd(b[p])) {
                p++;
            }
            float v;
            try {
                v = DecimalParser.parse(b, t, p);
            } catch (NumberFormatException e) {
                throw new MalformedFileException(
                        file, line, column(b, t, p, k) + ", not a number (word '" + word(b, start, wordEnd) + "')");
            }
            matrix[out + k] = v;
            if (!Float.isFinite(v) && !nonFiniteSeen) {
                nonFiniteSeen = true;
                nonFinite.found(line, column(b, t, p, k) + " (word '" + word(b, start, wordEnd) + "')");
            }
        }
        while (p < stop && (blank(b[p]) || b[p] == '\r')) {
            p++;
        }
        if (p < stop && b[p] != '\n') {
            int extra = 0;
            while (p < stop && b[p] != '\n') {
                while (p < stop && (blank(b[p]) || b[p] == '\r')) {
                    p++;
                }
                if (p < stop && b[p] != '\n') {
                    extra++;
                    while (p < stop && !blank(b[p]) && !lineEnd(b[p])) {
                        p++;
                    }
                }
            }
            throw new MalformedFileException(
                    file,
                    line,
                    "expected " + dim + " numbers after the word '" + word(b, start, wordEnd) + "', found "
                            + (dim + extra));
        }
        if (norms != null) {
            norms.set(row, Float.floatToRawIntBits(Int8Quantizer.norm(matrix, out, dim)));
        }
        return p < stop ? p + 1 : p;
    }
}
