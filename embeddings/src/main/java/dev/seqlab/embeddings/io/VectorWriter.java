package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the text formats and word2vec binary, gzip-compressed when the file name ends in
 * {@code .gz}. Text numbers are Java's shortest decimal for each float, which reads back
 * (here, in gensim, in the C tools) as the same float.
 */
final class VectorWriter {

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
                StringBuilder line = new StringBuilder(dim * 12);
                for (int i = 0; i < rows; i++) {
                    line.setLength(0);
                    line.append(words[i]);
                    for (int k = 0; k < dim; k++) {
                        line.append(' ').append(matrix[i * dim + k]);
                    }
                    line.append('\n');
                    out.write(line.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            if (out instanceof GZIPOutputStream) {
                ((GZIPOutputStream) out).finish();
            }
        });
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
