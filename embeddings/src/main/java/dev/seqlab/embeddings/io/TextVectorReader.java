package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.GzipInput;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.store.ChunkedWordTable;
import dev.seqlab.embeddings.store.FloatRows;
import dev.seqlab.embeddings.store.Floats;
import dev.seqlab.embeddings.store.IntChunks;
import dev.seqlab.embeddings.store.StoredVectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads the text formats (GloVe, word2vec text, fastText .vec). An uncompressed file is split
 * into as many byte ranges as there are threads, cut at line ends; a first parallel pass counts
 * the lines of each range (so every range knows its first row and the matrix is allocated once,
 * at its final size), a second parses each range into its rows. A gzip file is read as one
 * stream, twice: once to count its lines (so that a header announcing more than the file holds
 * fails before the matrix is allocated), then decompressed on one thread and parsed on the others
 * ({@link GzipTextParts}).
 */
final class TextVectorReader {
    /** Ranges are not made smaller than this. */
    private static final long MIN_PART = 1 << 23;

    private TextVectorReader() {}

    static ParsedVectors read(Path file, DetectedFormat format, LoadOptions options, ProgressListener progress)
            throws IOException {
        Parsed p = parse(file, format, options, false, progress);
        return new ParsedVectors(p.words().strings(), p.matrix(), p.rows(), p.dim());
    }

    /**
     * Reads the file for queries with no String per word: the words stay UTF-8 bytes in small
     * chunks, indexed by a {@link ChunkedWordTable}, the floats are parsed straight into the final
     * matrix and each row's norm is computed as it is parsed (the matrix is the only large array:
     * in a heap of 1.1 × the matrix, the rest needs no contiguous free regions). A word met again
     * is dropped, its first occurrence kept (with the same warnings as {@link VectorFiles#read}),
     * the rows after it moved up in place.
     */
    static StoredVectors open(Path file, DetectedFormat format, LoadOptions options, ProgressListener progress)
            throws IOException {
        Parsed p = parse(file, format, options, true, progress);
        DuplicateWarnings duplicates = new DuplicateWarnings(file, progress);
        ChunkedWordTable words = p.words().index(duplicates);
        duplicates.finish();
        float[] matrix = p.matrix();
        IntChunks norms = p.norms();
        int dim = p.dim();
        int[] dropped = duplicates.rows();
        if (dropped.length > 0) {
            // kept rows move up over the dropped ones, in file order as the word table's rows
            int kept = 0;
            int next = 0;
            for (int i = 0; i < p.rows(); i++) {
                if (next < dropped.length && dropped[next] == i) {
                    next++;
                    continue;
                }
                if (kept != i) {
                    System.arraycopy(matrix, i * dim, matrix, kept * dim, dim);
                    norms.set(kept, norms.get(i));
                }
                kept++;
            }
        }
        return new StoredVectors(words, FloatRows.of(matrix, words.size(), dim), Floats.ofBits(norms), null);
    }

    /** The words, the matrix and (if asked for) the bits of the rows' norms of a text file. */
    private record Parsed(WordArena words, float[] matrix, IntChunks norms, int rows, int dim) {}

    private static Parsed parse(
            Path file, DetectedFormat format, LoadOptions options, boolean norms, ProgressListener progress)
            throws IOException {
        return format.gzip()
                ? readGzip(file, format, options, norms, progress)
                : readPlain(file, format, options, norms, progress);
    }

    /** The first line number of the records (1-based): 2 after a header. */
    private static long firstLine(DetectedFormat format) {
        return format.headerRows() >= 0 ? 2 : 1;
    }

    private static Parsed readPlain(
            Path file, DetectedFormat format, LoadOptions options, boolean withNorms, ProgressListener progress)
            throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long start = format.dataStart();
            long end = ch.size();
            int parts = (int) Math.max(1, Math.min(options.threads(), (end - start) / MIN_PART));
            long[] bounds = new long[parts + 1];
            bounds[0] = start;
            bounds[parts] = end;
            for (int t = 1; t < parts; t++) {
                bounds[t] = Math.max(bounds[t - 1], lineStartAtOrAfter(ch, start + (end - start) * t / parts, end));
            }
            List<LineCounter.Count> counts =
                    ParallelParts.run(parts, t -> LineCounter.count(ByteSource.range(ch, bounds[t], bounds[t + 1]), 0));
            long lines = 0;
            for (int t = 0; t < parts; t++) {
                // only the last range may end without a line end
                lines += t == parts - 1 ? counts.get(t).lines() : counts.get(t).newlines();
            }
            long rows = targetRows(file, format, options, lines);
            checkBytes(file, format, rows, end - start);
            // drop the ranges beyond the last wanted row and cut the last one after it
            long[] firstRows = new long[parts + 1];
            int used = 0;
            long before = 0;
            while (used < parts && before < rows) {
                firstRows[used] = before;
                before += counts.get(used).newlines();
                used++;
            }
            if (before > rows) {
                int t = used - 1;
                bounds[t + 1] = bounds[t]
                        + LineCounter.offsetAfterLines(
                                ByteSource.range(ch, bounds[t], bounds[t + 1]), rows - firstRows[t]);
            }
            firstRows[used] = rows;
            int dim = format.dim();
            int n = (int) rows;
            float[] matrix = new float[checkedSize(file, rows, dim)];
            WordArena words = new WordArena(file, n);
            IntChunks norms = withNorms ? new IntChunks(n) : null;
            progress.start("Reading " + file.getFileName(), bounds[used] - start, "bytes");
            NonFiniteValues nonFinite = new NonFiniteValues(file, options.allowNonFinite());
            TextRecordParser parser = new TextRecordParser(file, dim, matrix, words, norms, progress, nonFinite);
            int usedParts = used;
            ParallelParts.run(Math.max(usedParts, 0), t -> {
                parser.parse(
                        ByteSource.range(ch, bounds[t], bounds[t + 1]),
                        (int) firstRows[t],
                        (int) (firstRows[t + 1] - firstRows[t]),
                        firstLine(format) + firstRows[t]);
                return null;
            });
            progress.finish();
            nonFinite.report(progress);
            return new Parsed(words, matrix, norms, n, dim);
        }
    }

    private static Parsed readGzip(
            Path file, DetectedFormat format, LoadOptions options, boolean withNorms, ProgressListener progress)
            throws IOException {
        // count the lines first (up to the rows wanted), so that a header announcing more rows
        // or dimensions than the content holds fails before the matrix is allocated
        long rows;
        try (InputStream in = gunzip(file)) {
            in.skipNBytes(format.dataStart());
            long wanted = options.limit() > 0 ? options.limit() : Math.max(0, format.headerRows());
            LineCounter.Count count = LineCounter.count(ByteSource.stream(in), wanted);
            rows = targetRows(file, format, options, count.lines());
            checkBytes(file, format, rows, count.bytes());
        }
        int dim = format.dim();
        float[] matrix = new float[checkedSize(file, rows, dim)];
        WordArena words = new WordArena(file, (int) rows);
        IntChunks norms = withNorms ? new IntChunks((int) rows) : null;
        progress.start("Reading " + file.getFileName(), -1, "bytes");
        NonFiniteValues nonFinite = new NonFiniteValues(file, options.allowNonFinite());
        try (InputStream in = gunzip(file)) {
            in.skipNBytes(format.dataStart());
            TextRecordParser parser = new TextRecordParser(file, dim, matrix, words, norms, progress, nonFinite);
            if (options.threads() > 1) {
                GzipTextParts.parse(in, parser, (int) rows, firstLine(format), options.threads());
            } else {
                parser.parse(ByteSource.stream(in), 0, (int) rows, firstLine(format));
            }
        }
        progress.finish();
        nonFinite.report(progress);
        return new Parsed(words, matrix, norms, (int) rows, dim);
    }

    /** The decompressed content of {@code file}; corrupt or truncated gzip data fails naming the file. */
    static InputStream gunzip(Path file) throws IOException {
        return GzipInput.open(file, Files.newInputStream(file), 1 << 16);
    }

    /** The number of rows to read: the lines present, cut to the header's count and the limit. */
    private static long targetRows(Path file, DetectedFormat format, LoadOptions options, long lines)
            throws MalformedFileException {
        long rows = lines;
        if (format.headerRows() >= 0) {
            if (lines < format.headerRows() && (options.limit() == 0 || lines < options.limit())) {
                throw new MalformedFileException(
                        file,
                        lines + 2,
                        "the header announces " + format.headerRows() + " words but the file ends after " + lines);
            }
            rows = Math.min(rows, format.headerRows());
        }
        if (options.limit() > 0) {
            rows = Math.min(rows, options.limit());
        }
        return rows;
    }

    /**
     * Fails before anything is allocated when {@code bytes} of records cannot hold even half of
     * {@code rows} lines of a word and {@code dim} numbers (each line needs at least one byte for
     * the word, two per number, a blank and a digit, and a line end): a header or first line
     * announcing far more than the file holds. The matrix allocated is then at most four times
     * the size of the file; a file only a little short is reported by the parser at the line
     * where it ends.
     */
    private static void checkBytes(Path file, DetectedFormat format, long rows, long bytes)
            throws MalformedFileException {
        long need = rows * (2L * format.dim() + 2) - 1;
        if (need > 2 * bytes) {
            throw new MalformedFileException(
                    file,
                    0,
                    rows + " lines of a word and " + format.dim()
                            + " numbers need at least " + need + " bytes; the file has " + bytes
                            + (format.headerRows() >= 0
                                    ? " after its header, which announces more than the file holds"
                                    : ""));
        }
    }

    /** {@code rows × dim} as an array length, or a one-line error when that cannot be one Java array. */
    static int checkedSize(Path file, long rows, int dim) throws MalformedFileException {
        long size = rows > 0 && dim > 0 && rows > Long.MAX_VALUE / dim ? Long.MAX_VALUE : rows * dim;
        if (size > Integer.MAX_VALUE - 16) {
            throw new MalformedFileException(
                    file,
                    0,
                    rows + " words × " + dim + " dimensions do not fit one Java" + " array (at most "
                            + (Integer.MAX_VALUE - 16) + " numbers); load fewer words with a limit");
        }
        return (int) size;
    }

    /** The offset just after the first line end at or after {@code pos}, or {@code end}. */
    private static long lineStartAtOrAfter(FileChannel ch, long pos, long end) throws IOException {
        byte[] buf = new byte[1 << 16];
        long p = pos;
        while (p < end) {
            int n = (int) Math.min(buf.length, end - p);
            int r = ch.read(ByteBuffer.wrap(buf, 0, n), p);
            if (r <= 0) {
                break;
            }
            for (int i = 0; i < r; i++) {
                if (buf[i] == '\n') {
                    return p + i + 1;
                }
            }
            p += r;
        }
        return end;
    }
}
