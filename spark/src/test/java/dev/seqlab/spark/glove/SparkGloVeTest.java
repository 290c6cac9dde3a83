package dev.seqlab.spark.glove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.corpora.text.TextCorpusOptions;
import dev.seqlab.corpora.text.Tokenizers;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.glove.GloVe;
import dev.seqlab.embeddings.glove.GloVeOptions;
import dev.seqlab.embeddings.glove.GloVeReport;
import dev.seqlab.embeddings.synthetic.SyntheticRelations;
import dev.seqlab.spark.SparkTesting;
import dev.seqlab.spark.text.TextOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GloVe with co-occurrences counted by Spark in {@code local[2]}: the counted pairs are exactly
 * the single-machine counter's, and the vectors learn the synthetic analogies.
 */
class SparkGloVeTest {
    @TempDir
    Path dir;

    @Test
    void countsThePairsTheSingleMachineCounterCountsAndLearnsTheRelations() throws IOException {
        Path corpus = dir.resolve("corpus.txt");
        Files.write(
                corpus,
                SyntheticRelations.corpus(20_000, 7, 0.25).stream()
                        .map(s -> String.join(" ", s))
                        .collect(Collectors.toList()));
        GloVeOptions o = GloVeOptions.defaults()
                .withDim(24)
                .withWindow(5)
                .withWeighting(10, 0.75)
                .withIterations(15)
                .withThreads(1)
                .withSeed(3)
                .withWorkDirectory(dir);
        GloVeReport spark = SparkGloVe.train(
                SparkTesting.session().read().textFile(corpus.toString()),
                SparkGloVeOptions.defaults()
                        .withGloVe(o)
                        .withText(TextOptions.defaults().withTokenizer("whitespace"))
                        .withPartitions(2));
        GloVeReport single = GloVe.train(
                Corpus.of(corpus, TextCorpusOptions.defaults().withTokenizer(Tokenizers.whitespace())),
                o,
                ProgressListener.NONE);
        assertEquals(single.corpusTokens(), spark.corpusTokens());
        assertEquals(single.pairs(), spark.pairs(), "distinct co-occurring pairs");
        assertEquals(single.vectors().words(), spark.vectors().words());
        WordVectors wv = spark.vectors();
        double gender = SyntheticRelations.analogyAccuracy(wv, SyntheticRelations.GENDER_PAIRS);
        double capitals = SyntheticRelations.analogyAccuracy(wv, SyntheticRelations.CAPITALS);
        assertTrue(gender >= 0.9, "man : woman :: king : queen analogies " + gender);
        assertTrue(capitals >= 0.9, "france : paris :: japan : tokyo analogies " + capitals);
    }
}
