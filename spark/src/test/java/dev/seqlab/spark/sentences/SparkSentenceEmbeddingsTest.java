package dev.seqlab.spark.sentences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.sentences.SentenceEncoder;
import dev.seqlab.spark.SparkTesting;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Sentence embeddings on Spark in {@code local[2]} with the bundled all-MiniLM-L6-v2: the same
 * vectors as {@link SentenceEncoder} on one machine, and a nearest-neighbour join that pairs
 * each paraphrase with its sentence.
 */
class SparkSentenceEmbeddingsTest {
    private static final String[] SENTENCES = {
        "The cat sleeps on the warm windowsill.",
        "Stock markets fell sharply after the interest rate announcement.",
        "She plays the violin in the city orchestra.",
        "Heavy rain flooded the streets of the old town.",
        "The recipe needs two eggs, flour and a cup of milk.",
        "Our flight to Tokyo was delayed by three hours.",
        "The new phone has a larger battery and a faster chip.",
        "Children built a snowman in the park this morning.",
    };
    private static final String[] PARAPHRASES = {
        "A kitten is napping by the sunny window.",
        "Shares dropped steeply once the central bank changed rates.",
        "The plane to Japan left hours late.",
        "Kids made a snowman in the park today.",
    };
    private static final int[] EXPECTED = {0, 1, 5, 7};

    private static Dataset<Row> table(SparkSession spark, String[] texts) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            rows.add(RowFactory.create(i, texts[i]));
        }
        StructType schema =
                new StructType().add("id", DataTypes.IntegerType, false).add("text", DataTypes.StringType, true);
        return spark.createDataFrame(rows, schema).repartition(2);
    }

    @Test
    void embedsAsTheSentenceEncoderDoesAndJoinsParaphrasesToTheirSentences() throws IOException {
        SparkSession spark = SparkTesting.session();
        SparkSentenceOptions options = SparkSentenceOptions.defaults();
        Dataset<Row> embedded = SparkSentenceEmbeddings.embed(table(spark, SENTENCES), "text", "vector", options);
        List<Row> rows = embedded.collectAsList();
        assertEquals(SENTENCES.length, rows.size());
        try (SentenceEncoder encoder = SentenceEncoder.allMiniLmL6V2Q()) {
            for (Row row : rows) {
                float[] expected = encoder.encode(row.getString(1));
                List<Float> actual = row.getList(2);
                assertEquals(expected.length, actual.size());
                double dot = 0;
                double na = 0;
                double nb = 0;
                for (int d = 0; d < expected.length; d++) {
                    dot += expected[d] * actual.get(d);
                    na += expected[d] * expected[d];
                    nb += actual.get(d) * actual.get(d);
                }
                double cosine = dot / Math.sqrt(na * nb);
                assertTrue(cosine >= 0.9999, "sentence " + row.getInt(0) + ": cosine " + cosine);
            }
        }

        Dataset<Row> queries = SparkSentenceEmbeddings.embed(table(spark, PARAPHRASES), "text", "vector", options);
        List<Row> matches = SparkSentenceEmbeddings.nearest(queries, "vector", embedded, "vector", "id", 2)
                .filter("rank = 1")
                .orderBy("id")
                .collectAsList();
        assertEquals(PARAPHRASES.length, matches.size());
        for (Row m : matches) {
            int query = m.getInt(0);
            assertEquals(EXPECTED[query], m.getInt(m.fieldIndex("neighbor")), PARAPHRASES[query]);
            assertTrue(m.getFloat(m.fieldIndex("score")) > 0.4f, m.toString());
        }
    }
}
