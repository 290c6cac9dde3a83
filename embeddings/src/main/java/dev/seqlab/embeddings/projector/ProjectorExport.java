package dev.seqlab.embeddings.projector;

import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.WordVectors;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes word vectors as the two files the TensorFlow Embedding Projector
 * (projector.tensorflow.org, "Load") reads:
 *
 * <ul>
 *   <li>{@code vectors.tsv}: one line per word, its values separated by tabs, no header;</li>
 *   <li>{@code metadata.tsv}: the labels in the same order, one per line with no header when there
 *       is one column; with a header line naming the columns when there are several.</li>
 * </ul>
 *
 * <p>Values are written with {@link Float#toString(float)}, which reads back to the same float.
 * Both files are written atomically.
 *
 * <pre>{@code
 * WordVectors wv = WordVectors.load(file, LoadOptions.DEFAULT.withLimit(10_000));
 * ProjectorExport.write(dir, wv, false, ProgressListener.NONE);
 * }</pre>
 */
public final class ProjectorExport {
    /** The vectors file's name. */
    public static final String VECTORS = "vectors.tsv";
    /** The metadata file's name. */
    public static final String METADATA = "metadata.tsv";

    private ProjectorExport() {}

    /**
     * Writes {@code dir/vectors.tsv} and {@code dir/metadata.tsv}, creating {@code dir} if needed.
     *
     * @param withRank also write each word's 1-based row number (its frequency rank in files sorted
     *                 by frequency, as GloVe and word2vec write them) as a second metadata column
     * @return the two files written
     * @throws IllegalArgumentException if a word holds a tab or line break (it would break the TSV)
     */
    public static List<Path> write(Path dir, WordVectors vectors, boolean withRank, ProgressListener progress)
            throws IOException {
        for (String w : vectors.words()) {
            if (w.indexOf('\t') >= 0 || w.indexOf('\n') >= 0 || w.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("the word '"
                        + w.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
                        + "' holds a tab or line break, which the projector's TSV files cannot carry");
            }
        }
        Files.createDirectories(dir);
        Path vectorsFile = dir.resolve(VECTORS);
        Path metadataFile = dir.resolve(METADATA);
        progress.start("Writing " + VECTORS, vectors.size(), "words");
        AtomicFiles.write(vectorsFile, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < vectors.size(); i++) {
                line.setLength(0);
                float[] row = vectors.vector(i);
                for (int j = 0; j < row.length; j++) {
                    if (j > 0) {
                        line.append('\t');
                    }
                    line.append(row[j]);
                }
                line.append('\n');
                w.write(line.toString());
                if ((i + 1) % 4096 == 0) {
                    progress.advance(4096);
                }
            }
            progress.advance(vectors.size() % 4096);
            w.flush();
        });
        progress.finish();
        AtomicFiles.write(metadataFile, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (withRank) {
                w.write("word\trank\n");
            }
            for (int i = 0; i < vectors.size(); i++) {
                w.write(vectors.word(i));
                if (withRank) {
                    w.write("\t" + (i + 1));
                }
                w.write('\n');
            }
            w.flush();
        });
        return List.of(vectorsFile, metadataFile);
    }
}
