package dev.seqlab.embeddings.io;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.query.Int8Quantizer;
import dev.seqlab.embeddings.store.FloatRows;
import dev.seqlab.embeddings.store.Floats;
import dev.seqlab.embeddings.store.RecordMapping;
import dev.seqlab.embeddings.store.RecordWordTable;
import dev.seqlab.embeddings.store.StoredVectors;
import dev.seqlab.embeddings.store.WordHash;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens an uncompressed word2vec binary file for queries in place: the file is memory-mapped and
 * its vectors are read where they lie (after their words, at any alignment), so there is no
 * float matrix in the heap and no second copy of the file. Opening walks the records once, from
 * word to word (a vector has a fixed length, so only the words' bytes are read), noting where
 * each one is and hashing its bytes into the word table, then computes the rows' norms on
 * several threads, which also checks every component is finite. In the heap stay twelve bytes a
 * row of offsets, four of hashes, the hash table and the norms: about 2% of the float matrix at
 * 300 dimensions. The mapped pages are the page cache's and count once in resident memory.
 */
final class Word2VecBinaryMapping {
    private static final long SPACES = 0x2020202020202020L;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Bytes between the touches that fault the file's pages in. */
    private static final int PAGE = 4096;

    /** The xor of the bytes {@link #touchPages} read, kept so that the JIT cannot drop the reads. */
    private static volatile byte touched;

    /** Rows per progress step, and the fewest rows worth a thread of their own. */
    private static final int STEP = 1 << 16;

    private Word2VecBinaryMapping() {}

    static StoredVectors open(Path file, DetectedFormat format, LoadOptions options, ProgressListener progress)
            throws IOException {
        int dim = format.dim();
        long wanted = options.limit() > 0 ? Math.min(format.headerRows(), options.limit()) : format.headerRows();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Word2VecBinaryReader.checkRoom(file, format, wanted, ch.size() - format.dataStart());
            int rows = TextVectorReader.checkedSize(file, wanted, dim) / dim;
            RecordMapping mapping = RecordMapping.map(ch, Word2VecBinaryReader.MAX_WORD_BYTES + 2L + 4L * dim);
            progress.start("Reading " + file.getFileName(), rows, "words");
            long[] starts = new long[rows];
            int[] lengths = new int[rows];
            int[] hashes = new int[rows];
            // a second thread runs ahead of the scan touching the file's pages, so that the scan
            // (one touch per record, each on a new cache line) rarely waits for a page fault
            AtomicBoolean scanned = new AtomicBoolean();
            ParallelParts.run(Math.min(2, options.threads()), t -> {
                if (t == 1) {
                    touchPages(mapping, format.dataStart(), scanned);
                    return null;
                }
                try {
                    scan(file, format, mapping, rows, starts, lengths, hashes, progress);
                } finally {
                    scanned.set(true);
                }
                return null;
            });
            DuplicateWarnings duplicates = new DuplicateWarnings(file, progress);
            RecordWordTable words = RecordWordTable.index(mapping, starts, lengths, hashes, rows, duplicates);
            duplicates.finish();
            FloatRows vectors = FloatRows.records(mapping, words.offsets(), dim);
            NonFiniteValues nonFinite = new NonFiniteValues(file, options.allowNonFinite());
            float[] norms = norms(vectors, words, options.threads(), nonFinite);
            progress.finish();
            nonFinite.report(progress);
            return new StoredVectors(words, vectors, Floats.of(norms), null);
        }
    }

    /**
     * Steps from record to record: skips newlines (the C tool writes one after each vector), notes
     * where the word starts and how long it is, and hashes it; fails at the first record the file
     * cannot hold.
     */
    private static void scan(
            Path file,
            DetectedFormat format,
            RecordMapping mapping,
            int rows,
            long[] starts,
            int[] lengths,
            int[] hashes,
            ProgressListener progress)
            throws IOException {
        long end = mapping.length();
        int vectorBytes = 4 * format.dim();
        long p = format.dataStart();
        for (int row = 0; row < rows; row++) {
            while (p < end && mapping.get(p) == '\n') {
                p++;
            }
            long h = WordHash.START;
            long q = p;
            long space = -1;
            // eight bytes at a time: the first space among them, hashing the bytes before it
            while (q + 8 <= end && q - p <= Word2VecBinaryReader.MAX_WORD_BYTES) {
                long x = mapping.getLong(q);
                long y = x ^ SPACES;
                long spaces = (y - ONES) & ~y & HIGH_BITS;
                int n = spaces == 0 ? 8 : Long.numberOfTrailingZeros(spaces) >>> 3;
                for (int k = 0; k < n; k++) {
                    h = WordHash.step(h, (byte) (x >>> (8 * k)));
                }
                if (spaces != 0) {
                    space = q + n;
                    break;
                }
                q += 8;
            }
            // the last few bytes of the file one at a time
            for (; space < 0 && q < end && q - p <= Word2VecBinaryReader.MAX_WORD_BYTES; q++) {
                byte b = mapping.get(q);
                if (b == ' ') {
                    space = q;
                } else {
                    h = WordHash.step(h, b);
                }
            }
            if (space < 0 || space - p > Word2VecBinaryReader.MAX_WORD_BYTES) {
                if (q >= end) {
                    throw Word2VecBinaryReader.endsInsideWord(file, format, row, p);
                }
                throw Word2VecBinaryReader.badWord(file, row, p, false);
            }
            if (space == p) {
                throw Word2VecBinaryReader.badWord(file, row, p, true);
            }
            int len = (int) (space - p);
            starts[row] = p;
            lengths[row] = len;
            hashes[row] = WordHash.fold(h);
            p = space + 1 + vectorBytes;
            if (p > end) {
                byte[] word = new byte[len];
                mapping.getBytes(starts[row], word, 0, len);
                throw Word2VecBinaryReader.endsInsideVector(
                        file, format, row, new String(word, StandardCharsets.UTF_8));
            }
            if ((row & (STEP - 1)) == STEP - 1) {
                progress.advance(STEP);
            }
        }
        progress.advance(rows & (STEP - 1));
    }

    /** Reads a byte of every page of the file from {@code from} on, until the end or until {@code stop} is set. */
    private static void touchPages(RecordMapping mapping, long from, AtomicBoolean stop) {
        long end = mapping.length();
        byte sum = 0;
        for (long at = from; at < end; at += PAGE) {
            sum ^= mapping.get(at);
            if ((at & ((1 << 24) - 1)) < PAGE && stop.get()) {
                break;
            }
        }
        // published so that the reads are not optimised away
        touched = sum;
    }

    /**
     * The Euclidean norm of every row (as {@link Int8Quantizer#norm}, in double), on up to
     * {@code threads} threads; a row with a NaN or infinite component is reported.
     */
    private static float[] norms(FloatRows vectors, RecordWordTable words, int threads, NonFiniteValues nonFinite)
            throws IOException {
        int rows = vectors.rows();
        int dim = vectors.dim();
        float[] norms = new float[rows];
        int parts = Math.max(1, Math.min(threads, (rows + STEP - 1) / STEP));
        // contiguous parts, so that the first row refused is the first in the file (ParallelParts
        // reports the lowest failing part)
        ParallelParts.run(parts, t -> {
            int from = (int) ((long) rows * t / parts);
            int to = (int) ((long) rows * (t + 1) / parts);
            int chunk = Math.max(1, (1 << 14) / dim);
            float[] buf = new float[chunk * dim];
            for (int r = from; r < to; r += chunk) {
                int n = Math.min(chunk, to - r);
                vectors.copyRows(r, n, buf, 0);
                for (int j = 0; j < n; j++) {
                    float norm = Int8Quantizer.norm(buf, j * dim, dim);
                    norms[r + j] = norm;
                    if (!Float.isFinite(norm)) {
                        reportNonFinite(buf, j * dim, dim, r + j, words, nonFinite);
                    }
                }
            }
            return null;
        });
        return norms;
    }

    /** Reports the first NaN or infinite component of a row whose norm is not finite (if it is not merely huge). */
    private static void reportNonFinite(
            float[] buf, int off, int dim, int row, RecordWordTable words, NonFiniteValues nonFinite)
            throws IOException {
        for (int k = 0; k < dim; k++) {
            float v = buf[off + k];
            if (!Float.isFinite(v)) {
                nonFinite.found(
                        0,
                        "word " + (row + 1) + " ('" + words.word(row) + "', byte "
                                + words.offsets().wordAt(row) + "): component " + (k + 1) + " is " + v);
                return;
            }
        }
    }
}
