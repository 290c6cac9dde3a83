package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the text formats and word2vec binary, gzip-compressed when the file name ends in
 * {@code .gz}. Text numbers are Java's shortest decimal for each float, which reads back
 * (here, in gensim, in the C tools) as the same float.
 */
final class VectorWriter {

    /** Rows formatted by one task. */
    private static final int BLOCK_ROWS = 1024;
    /** Blocks formatted before they are written (bounds the text held in memory). */
    private static final int GROUP_BLOCKS = 8;

    private VectorWriter() {}

    static void write(Path file, VectorFormat format, String[] words, float[] matrix, int rows, int dim)
            throws IOException {
        for (int i = 0; i < rows; i++) {
            checkWord(words[i], i, format);
        }
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        AtomicFiles.write(file, raw -> {
            OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
            if (format != VectorFormat.GLOVE) {
                out.write((rows + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (format == VectorFormat.WORD2VEC_BINARY) {
                for (int i = 0; i < rows; i++) {
                    out.write(words[i].getBytes(StandardCharsets.UTF_8));
                    out.write(' ');
                    SeqlabFormat.writeFloats(out, matrix, i * dim, dim);
                    out.write('\n');
                }
            } else {
                writeText(out, words, matrix, rows, dim);
            }
            if (out instanceof GZIPOutputStream) {
                ((GZIPOutputStream) out).finish();
            }
        });
    }

    /**
     * The text lines, formatted in parallel (shortest-decimal formatting is most of the time of
     * writing a text file) in blocks of {@value #BLOCK_ROWS} rows, a group of blocks at a time,
     * and written in order: the same bytes as one thread would write.
     */
    private static void writeText(OutputStream out, String[] words, float[] matrix, int rows, int dim)
            throws IOException {
        int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
        for (int first = 0; first < blocks; first += GROUP_BLOCKS) {
            int last = Math.min(blocks, first + GROUP_BLOCKS);
            List<byte[]> group = IntStream.range(first, last)
                    .parallel()
                    .mapToObj(b -> formatRows(words, matrix, b * BLOCK_ROWS, Math.min(rows, (b + 1) * BLOCK_ROWS), dim))
                    .toList();
            for (byte[] text : group) {
                out.write(text);
            }
        }
    }

    private static byte[] formatRows(String[] words, float[] matrix, int from, int to, int dim) {
        StringBuilder text = new StringBuilder((to - from) * (dim * 12 + 16));
        for (int i = from; i < to; i++) {
            text.append(words[i]);
            for (int k = 0; k < dim; k++) {
                text.append(' ').append(matrix[i * dim + k]);
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void checkWord(String word, int index, VectorFormat format) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == ' ' || c == '\n' || (format != VectorFormat.WORD2VEC_BINARY && (c == '\t' || c == '\r'))) {
                throw new IllegalArgumentException("word " + (index + 1) + " ('" + word.strip() + "') contains a"
                        + " space or line break, which the " + format.cliName() + " format cannot store;"
                        + " save it in the seqlab format");
            }
        }
    }
}
