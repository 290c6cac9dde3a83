package dev.seqlab.spark.word2vec;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.io.VectorFormat;
import dev.seqlab.spark.matrix.RowBlocks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Word vectors trained on Spark, held by the driver in long-indexed blocks: as seqlab
 * {@link WordVectors}, as a vectors file in any of seqlab's formats, or as a {@code Dataset} of
 * {@code (word, vector)} rows.
 */
public final class SparkWordVectors {
    /** The schema of {@link #toDataset}: {@code word string, vector array<float>}. */
    public static final StructType SCHEMA = new StructType()
            .add("word", DataTypes.StringType, false)
            .add("vector", DataTypes.createArrayType(DataTypes.FloatType, false), false);

    /**
     * Figures of a training run.
     *
     * @param corpusTokens  tokens of the corpus
     * @param corpusWords   corpus words trained over, all epochs
     * @param trainedWords  words trained on after subsampling
     * @param countSeconds  counting the vocabulary and encoding the corpus
     * @param trainSeconds  the training rounds
     * @param partitions    partitions trained in
     */
    public record Stats(
            long corpusTokens,
            long corpusWords,
            long trainedWords,
            double countSeconds,
            double trainSeconds,
            int partitions) {
        /** Corpus words per second of training. */
        public double wordsPerSecond() {
            return corpusWords / Math.max(1e-9, trainSeconds);
        }
    }

    private final List<String> words;
    private final RowBlocks vectors;
    private final Stats stats;

    SparkWordVectors(List<String> words, RowBlocks vectors, Stats stats) {
        this.words = List.copyOf(words);
        this.vectors = vectors;
        this.stats = stats;
    }

    /** The words, most frequent first. */
    public List<String> words() {
        return words;
    }

    /** The vectors, row {@code i} for word {@code i}. */
    public RowBlocks vectors() {
        return vectors;
    }

    /** The figures of the run. */
    public Stats stats() {
        return stats;
    }

    /**
     * As seqlab word vectors.
     *
     * @throws IllegalArgumentException if words × dimension exceed one Java array
     */
    public WordVectors toWordVectors() {
        return WordVectors.of(words, vectors.toArray(), vectors.dim());
    }

    /** Writes a vectors file in {@code format} (gzip when the name ends in .gz), which any seqlab command reads. */
    public void save(Path file, VectorFormat format) throws IOException {
        toWordVectors().save(file, format);
    }

    /** The vectors as a Dataset of {@code (word, vector)} rows. */
    public Dataset<Row> toDataset(SparkSession spark) {
        List<Row> rows = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            float[] v = vectors.row(i);
            Float[] boxed = new Float[v.length];
            for (int k = 0; k < v.length; k++) {
                boxed[k] = v[k];
            }
            rows.add(RowFactory.create(words.get(i), boxed));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }
}
