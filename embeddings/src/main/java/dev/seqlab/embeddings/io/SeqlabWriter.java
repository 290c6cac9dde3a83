package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.kernel.Int8BlockDots;
import dev.seqlab.embeddings.query.Int8Quantizer;
import dev.seqlab.embeddings.store.WordHash;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the seqlab vectors format, version 2: the header, the section table, and every section a
 * query reads (matrix, norms, int8 copy, word offsets, hash table, word bytes), each 64-byte aligned.
 * The int8 codes are computed and written a chunk of rows at a time.
 */
final class SeqlabWriter {
    /** Rows quantised per chunk (a multiple of the block size). */
    private static final int CHUNK_ROWS = 64 * Int8BlockDots.BLOCK;

    private SeqlabWriter() {}

    /** Writes {@code rows} words and their vectors atomically. */
    static void write(Path file, String[] words, float[] matrix, int rows, int dim) throws IOException {
        byte[][] utf8 = new byte[rows][];
        long wordBytes = 0;
        for (int i = 0; i < rows; i++) {
            utf8[i] = words[i].getBytes(StandardCharsets.UTF_8);
            wordBytes += utf8[i].length;
        }
        int[] slots = WordHash.build(utf8);
        float[] norms = new float[rows];
        for (int i = 0; i < rows; i++) {
            norms[i] = Int8Quantizer.norm(matrix, i * dim, dim);
        }
        long blocks = (rows + Int8BlockDots.BLOCK - 1) / Int8BlockDots.BLOCK;
        List<SeqlabSection> sections = layout(new long[][] {
            {SeqlabSection.MATRIX, 4L * rows * dim},
            {SeqlabSection.NORMS, 4L * rows},
            {SeqlabSection.INT8_CODES, blocks * dim * Int8BlockDots.BLOCK},
            {SeqlabSection.INT8_SCALES, 4L * rows},
            {SeqlabSection.INT8_ERRORS, 4L * rows},
            {SeqlabSection.WORD_OFFSETS, 8L * (rows + 1)},
            {SeqlabSection.WORD_HASH, 4L * slots.length},
            {SeqlabSection.WORD_BYTES, wordBytes},
        });
        AtomicFiles.write(file, raw -> {
            Output out = new Output(raw);
            out.header(rows, dim, sections);
            out.to(sections.get(0));
            SeqlabFormat.writeFloats(out.stream, matrix, 0, rows * dim);
            out.advance(4L * rows * dim);
            out.to(sections.get(1));
            out.floats(norms, rows);
            float[] scales = new float[rows];
            float[] errors = new float[rows];
            out.to(sections.get(2));
            writeCodes(out, matrix, norms, rows, dim, scales, errors);
            out.to(sections.get(3));
            out.floats(scales, rows);
            out.to(sections.get(4));
            out.floats(errors, rows);
            out.to(sections.get(5));
            long at = 0;
            for (int i = 0; i <= rows; i++) {
                out.putLong(at);
                at += i < rows ? utf8[i].length : 0;
            }
            out.to(sections.get(6));
            for (int s : slots) {
                out.putInt(s);
            }
            out.to(sections.get(7));
            for (byte[] w : utf8) {
                out.bytes(w, w.length);
            }
        });
    }

    /** The sections of the given types and lengths, laid out back to back after the header, aligned. */
    private static List<SeqlabSection> layout(long[][] typesAndLengths) {
        List<SeqlabSection> out = new ArrayList<>();
        long at = SeqlabSection.align(SeqlabFormat.HEADER_BYTES
                + (long) SeqlabSection.ENTRY_BYTES * (typesAndLengths.length + SeqlabSection.SPARE_ENTRIES));
        for (long[] s : typesAndLengths) {
            out.add(new SeqlabSection((int) s[0], at, s[1]));
            at = SeqlabSection.align(at + s[1]);
        }
        return out;
    }

    private static void writeCodes(
            Output out, float[] matrix, float[] norms, int rows, int dim, float[] scales, float[] errors)
            throws IOException {
        byte[] codes = new byte[CHUNK_ROWS * dim];
        double[] u = new double[dim];
        for (int from = 0; from < rows; from += CHUNK_ROWS) {
            int n = Math.min(CHUNK_ROWS, rows - from);
            Arrays.fill(codes, (byte) 0);
            for (int j = 0; j < n; j++) {
                Int8Quantizer.quantize(matrix, from + j, norms[from + j], dim, u, codes, j, scales, errors, from + j);
            }
            int blockBytes = (n + Int8BlockDots.BLOCK - 1) / Int8BlockDots.BLOCK * Int8BlockDots.BLOCK * dim;
            out.bytes(codes, blockBytes);
        }
    }

    /** The output stream and the position in it, for padding up to each section. */
    private static final class Output {
        final OutputStream stream;
        private final ByteBuffer word = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        private long position;

        Output(OutputStream stream) {
            this.stream = stream;
        }

        void header(int rows, int dim, List<SeqlabSection> sections) throws IOException {
            int entries = sections.size() + SeqlabSection.SPARE_ENTRIES;
            ByteBuffer h = ByteBuffer.allocate(SeqlabFormat.HEADER_BYTES + SeqlabSection.ENTRY_BYTES * entries)
                    .order(ByteOrder.LITTLE_ENDIAN);
            h.put(SeqlabFormat.MAGIC)
                    .putInt(SeqlabFormat.VERSION)
                    .putInt(dim)
                    .putLong(rows)
                    .putInt(entries);
            h.position(SeqlabFormat.HEADER_BYTES);
            for (SeqlabSection s : sections) {
                h.putInt(s.type())
                        .putInt(0)
                        .putLong(s.offset())
                        .putLong(s.length())
                        .putLong(0);
            }
            // the spare entries stay zero: type UNUSED
            bytes(h.array(), h.capacity());
        }

        /** Pads with zeros up to the start of {@code s}. */
        void to(SeqlabSection s) throws IOException {
            while (position < s.offset()) {
                stream.write(0);
                position++;
            }
        }

        void advance(long n) {
            position += n;
        }

        void floats(float[] values, int count) throws IOException {
            SeqlabFormat.writeFloats(stream, values, 0, count);
            position += 4L * count;
        }

        void putLong(long v) throws IOException {
            bytes(word.putLong(0, v).array(), 8);
        }

        void putInt(int v) throws IOException {
            bytes(word.putInt(0, v).array(), 4);
        }

        void bytes(byte[] b, int n) throws IOException {
            stream.write(b, 0, n);
            position += n;
        }
    }
}
