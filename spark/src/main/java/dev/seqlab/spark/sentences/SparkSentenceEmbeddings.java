package dev.seqlab.spark.sentences;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Kernels;
import dev.seqlab.sentences.SentenceEncoder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Embeds a text column of a Dataset with seqlab's sentence encoder, and joins two embedded
 * Datasets by nearest neighbours.
 *
 * <pre>{@code
 * Dataset<Row> questions = SparkSentenceEmbeddings.embed(faq, "question", "vector", SparkSentenceOptions.defaults());
 * Dataset<Row> asked = SparkSentenceEmbeddings.embed(tickets, "text", "vector", SparkSentenceOptions.defaults());
 * Dataset<Row> matches = SparkSentenceEmbeddings.nearest(asked, "vector", questions, "vector", "question", 3);
 * }</pre>
 */
public final class SparkSentenceEmbeddings {
    private SparkSentenceEmbeddings() {}

    /**
     * {@code data} with one more column, {@code vectorColumn} ({@code array<float>}, unit length),
     * the embedding of {@code textColumn} (a null text gets a null vector). Each task hands its
     * rows to its executor's one encoder ({@link SparkSentenceOptions#groupSize()} at a time),
     * which sorts them by length into batches.
     *
     * @throws IllegalArgumentException if {@code textColumn} is not a string column or
     *     {@code vectorColumn} already exists
     */
    public static Dataset<Row> embed(
            Dataset<Row> data, String textColumn, String vectorColumn, SparkSentenceOptions options) {
        StructType schema = data.schema();
        int text = fieldIndex(schema, textColumn);
        if (!schema.fields()[text].dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException(
                    "column " + textColumn + " is " + schema.fields()[text].dataType() + ", not a string column");
        }
        if (Arrays.asList(schema.fieldNames()).contains(vectorColumn)) {
            throw new IllegalArgumentException("the data already has a column " + vectorColumn);
        }
        StructType out = schema.add(vectorColumn, DataTypes.createArrayType(DataTypes.FloatType, false), true);
        JavaRDD<Row> rows = data.javaRDD().mapPartitions(it -> new EmbeddedRows(it, text, options));
        return data.sparkSession().createDataFrame(rows, out);
    }

    /**
     * For each row of {@code queries}, its {@code k} nearest rows of {@code corpus} by cosine
     * (both vector columns unit length, as {@link #embed} makes them): the query's columns, then
     * {@code neighbor} (the corpus row's {@code corpusKey}), {@code rank} (1 first) and
     * {@code score}. The corpus side is collected and broadcast (its vectors must fit each
     * executor's memory: a million 384-float vectors take 1.5 GB); the queries stay distributed.
     */
    public static Dataset<Row> nearest(
            Dataset<Row> queries,
            String queryVector,
            Dataset<Row> corpus,
            String corpusVector,
            String corpusKey,
            int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        int qv = fieldIndex(queries.schema(), queryVector);
        List<Row> side = corpus.select(corpusKey, corpusVector).collectAsList();
        if (side.isEmpty()) {
            throw new IllegalArgumentException("the corpus side of the join is empty");
        }
        int dim = side.get(0).<Float>getList(1).size();
        Object[] keys = new Object[side.size()];
        float[] matrix = new float[Math.multiplyExact(side.size(), dim)];
        for (int i = 0; i < side.size(); i++) {
            keys[i] = side.get(i).get(0);
            List<Float> v = side.get(i).getList(1);
            if (v.size() != dim) {
                throw new IllegalArgumentException(
                        "corpus row " + i + " has a vector of " + v.size() + " floats, not " + dim);
            }
            for (int d = 0; d < dim; d++) {
                matrix[i * dim + d] = v.get(d);
            }
        }
        JavaSparkContext sc =
                JavaSparkContext.fromSparkContext(queries.sparkSession().sparkContext());
        Broadcast<CorpusSide> broadcast = sc.broadcast(new CorpusSide(keys, matrix, dim));
        StructField keyField = corpus.schema().fields()[fieldIndex(corpus.schema(), corpusKey)];
        StructType out = queries.schema()
                .add("neighbor", keyField.dataType(), true)
                .add("rank", DataTypes.IntegerType, false)
                .add("score", DataTypes.FloatType, false);
        int top = Math.min(k, keys.length);
        JavaRDD<Row> rows = queries.javaRDD().mapPartitions(it -> {
            CorpusSide c = broadcast.value();
            Blas blas = Kernels.blas();
            float[] q = new float[c.dim];
            float[] scores = new float[c.keys.length];
            List<Row> result = new ArrayList<>();
            while (it.hasNext()) {
                Row row = it.next();
                List<Float> v = row.getList(qv);
                if (v.size() != c.dim) {
                    throw new IllegalArgumentException(
                            "a query vector has " + v.size() + " floats, the corpus's " + c.dim);
                }
                for (int d = 0; d < c.dim; d++) {
                    q[d] = v.get(d);
                }
                blas.gemv(false, c.keys.length, c.dim, 1f, c.matrix, 0, c.dim, q, 0, 0f, scores, 0);
                int[] best = TopK.indices(scores, top);
                for (int r = 0; r < best.length; r++) {
                    Object[] values = new Object[row.length() + 3];
                    for (int f = 0; f < row.length(); f++) {
                        values[f] = row.get(f);
                    }
                    values[row.length()] = c.keys[best[r]];
                    values[row.length() + 1] = r + 1;
                    values[row.length() + 2] = scores[best[r]];
                    result.add(RowFactory.create(values));
                }
            }
            return result.iterator();
        });
        return queries.sparkSession().createDataFrame(rows, out);
    }

    private static int fieldIndex(StructType schema, String column) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("no column " + column + " in " + String.join(", ", schema.fieldNames()));
        }
        return schema.fieldIndex(column);
    }

    /** The broadcast side of a nearest-neighbour join. */
    private record CorpusSide(Object[] keys, float[] matrix, int dim) implements Serializable {}

    /** A task's rows with their embeddings appended, encoded a group at a time. */
    private static final class EmbeddedRows implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final int text;
        private final SparkSentenceOptions options;
        private final List<Row> group = new ArrayList<>();
        private float[][] vectors = new float[0][];
        private int next;
        private int encoded;

        EmbeddedRows(Iterator<Row> rows, int text, SparkSentenceOptions options) {
            this.rows = rows;
            this.text = text;
            this.options = options;
        }

        @Override
        public boolean hasNext() {
            if (next < group.size()) {
                return true;
            }
            group.clear();
            next = 0;
            encoded = 0;
            while (rows.hasNext() && group.size() < options.groupSize()) {
                group.add(rows.next());
            }
            if (group.isEmpty()) {
                return false;
            }
            List<String> texts = new ArrayList<>(group.size());
            for (Row r : group) {
                if (!r.isNullAt(text)) {
                    texts.add(r.getString(text));
                }
            }
            SentenceEncoder encoder = ExecutorEncoders.get(options);
            vectors = encoder.encode(texts);
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = group.get(next++);
            Object[] values = new Object[r.length() + 1];
            for (int f = 0; f < r.length(); f++) {
                values[f] = r.get(f);
            }
            if (!r.isNullAt(text)) {
                float[] v = vectors[encoded++];
                Float[] boxed = new Float[v.length];
                for (int d = 0; d < v.length; d++) {
                    boxed[d] = v[d];
                }
                values[r.length()] = boxed;
            }
            return RowFactory.create(values);
        }
    }
}
