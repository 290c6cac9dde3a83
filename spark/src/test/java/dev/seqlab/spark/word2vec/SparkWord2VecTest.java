package dev.seqlab.spark.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.io.VectorFormat;
import dev.seqlab.embeddings.synthetic.SyntheticRelations;
import dev.seqlab.embeddings.word2vec.Word2VecArchitecture;
import dev.seqlab.embeddings.word2vec.Word2VecOptions;
import dev.seqlab.spark.SparkTesting;
import dev.seqlab.spark.text.TextOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * word2vec on Spark in {@code local[2]}, on the synthetic corpus of the single-machine tests
 * written to a file: both architectures learn its analogies in two partitions, and the vectors
 * come out as a file seqlab reads back and as a Dataset.
 */
class SparkWord2VecTest {
    @TempDir
    static Path dir;

    private static Path corpus;

    @BeforeAll
    static void writeCorpus() throws IOException {
        corpus = dir.resolve("corpus.txt");
        Files.write(
                corpus,
                SyntheticRelations.corpus(30_000, 7).stream()
                        .map(s -> String.join(" ", s))
                        .collect(Collectors.toList()));
    }

    private static SparkWord2VecOptions small(Word2VecArchitecture architecture) {
        return SparkWord2VecOptions.defaults()
                .withWord2Vec(Word2VecOptions.defaults()
                        .withArchitecture(architecture)
                        .withDim(24)
                        .withWindow(4)
                        .withEpochs(3)
                        .withVocabulary(5, 0)
                        .withSample(0)
                        .withSeed(11))
                .withText(TextOptions.defaults().withTokenizer("whitespace"))
                .withPartitions(2)
                .withRoundsPerEpoch(4);
    }

    private static void assertLearnsRelations(WordVectors wv, String what) {
        double gender = SyntheticRelations.analogyAccuracy(wv, SyntheticRelations.GENDER_PAIRS);
        double capitals = SyntheticRelations.analogyAccuracy(wv, SyntheticRelations.CAPITALS);
        assertTrue(gender >= 0.9, what + ": man : woman :: king : queen analogies " + gender);
        assertTrue(capitals >= 0.9, what + ": france : paris :: japan : tokyo analogies " + capitals);
        assertTrue(wv.similarity("king", "queen") > wv.similarity("king", "tokyo"));
    }

    @Test
    void skipGramInTwoPartitionsLearnsTheRelationsAndWritesAVectorsFile() throws IOException {
        SparkSession spark = SparkTesting.session();
        SparkWordVectors trained =
                SparkWord2Vec.train(spark.read().textFile(corpus.toString()), small(Word2VecArchitecture.SKIP_GRAM));
        assertEquals(2, trained.stats().partitions());
        assertEquals(3 * trained.stats().corpusTokens(), trained.stats().corpusWords());
        WordVectors wv = trained.toWordVectors();
        assertLearnsRelations(wv, "skip-gram");

        Path file = dir.resolve("vectors.txt");
        trained.save(file, VectorFormat.WORD2VEC);
        WordVectors read = WordVectors.load(file);
        assertEquals(wv.words(), read.words());
        assertEquals(wv.similarity("king", "queen"), read.similarity("king", "queen"), 1e-6);

        Dataset<Row> rows = trained.toDataset(spark);
        assertEquals(wv.size(), rows.count());
        Row king = rows.filter("word = 'king'").first();
        List<Float> vector = king.getList(1);
        assertEquals(24, vector.size());
        assertEquals(wv.vector("king")[3], vector.get(3), 0f);
    }

    @Test
    void summedChangesAndTwoThreadsPerTaskLearnTheRelationsToo() {
        SparkWord2VecOptions o = small(Word2VecArchitecture.SKIP_GRAM).withSynchronisation(Synchronisation.SUM);
        o = o.withWord2Vec(o.word2vec().withThreads(2));
        SparkWordVectors trained =
                SparkWord2Vec.train(SparkTesting.session().read().textFile(corpus.toString()), o);
        assertLearnsRelations(trained.toWordVectors(), "skip-gram, summed, two threads a task");
    }

    @Test
    void theScaledSumLearnsTheRelationsInFourPartitions() {
        SparkWord2VecOptions o = small(Word2VecArchitecture.SKIP_GRAM)
                .withPartitions(4)
                .withRoundsPerEpoch(8)
                .withSynchronisation(Synchronisation.SCALED_SUM);
        SparkWordVectors trained =
                SparkWord2Vec.train(SparkTesting.session().read().textFile(corpus.toString()), o);
        assertEquals(4, trained.stats().partitions());
        assertLearnsRelations(trained.toWordVectors(), "skip-gram, scaled sum, four partitions");
    }

    @Test
    void blockMomentumLearnsTheRelationsInFourPartitions() {
        SparkWord2VecOptions o = small(Word2VecArchitecture.SKIP_GRAM)
                .withPartitions(4)
                .withRoundsPerEpoch(8)
                .withSynchronisation(Synchronisation.BMUF);
        SparkWordVectors trained =
                SparkWord2Vec.train(SparkTesting.session().read().textFile(corpus.toString()), o);
        assertLearnsRelations(trained.toWordVectors(), "skip-gram, block momentum, four partitions");
    }

    @Test
    void cbowWithAveragingLearnsTheRelations() {
        SparkWord2VecOptions o = small(Word2VecArchitecture.CBOW).withSynchronisation(Synchronisation.AVERAGE);
        o = o.withWord2Vec(o.word2vec().withAlpha(0.05, 0.0001));
        SparkWordVectors trained =
                SparkWord2Vec.train(SparkTesting.session().read().textFile(corpus.toString()), o);
        assertLearnsRelations(trained.toWordVectors(), "CBOW");
    }
}
