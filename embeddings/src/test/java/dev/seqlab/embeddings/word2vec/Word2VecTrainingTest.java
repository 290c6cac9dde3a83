package dev.seqlab.embeddings.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.synthetic.SyntheticRelations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Training end to end on {@link SyntheticRelations}: both architectures, both objectives, learn
 * the built-in analogies; a single-threaded run is reproducible bit for bit; options are
 * validated with messages naming the option.
 */
class Word2VecTrainingTest {
    private static final List<List<String>> CORPUS = SyntheticRelations.corpus(30_000, 7);

    private static Word2VecOptions small(Word2VecArchitecture architecture) {
        return Word2VecOptions.defaults()
                .withArchitecture(architecture)
                .withDim(24)
                .withWindow(4)
                .withEpochs(3)
                .withVocabulary(5, 0)
                .withSample(0)
                .withSeed(11);
    }

    private static void assertLearnsRelations(Word2VecOptions options) {
        WordVectors wv = Word2Vec.train(CORPUS, options);
        double gender = SyntheticRelations.analogyAccuracy(wv, SyntheticRelations.GENDER_PAIRS);
        double capitals = SyntheticRelations.analogyAccuracy(wv, SyntheticRelations.CAPITALS);
        assertTrue(gender >= 0.9, options.architecture() + ": man : woman :: king : queen analogies " + gender);
        assertTrue(capitals >= 0.9, options.architecture() + ": france : paris :: japan : tokyo analogies " + capitals);
        // and the relations are not an artefact of the analogy arithmetic: partners are closer than strangers
        assertTrue(wv.similarity("king", "queen") > wv.similarity("king", "tokyo"));
    }

    @Test
    void skipGramWithNegativeSamplingLearnsTheRelations() {
        assertLearnsRelations(small(Word2VecArchitecture.SKIP_GRAM));
    }

    @Test
    void cbowWithNegativeSamplingLearnsTheRelations() {
        assertLearnsRelations(small(Word2VecArchitecture.CBOW).withAlpha(0.05, 0.0001));
    }

    @Test
    void hierarchicalSoftmaxLearnsTheRelations() {
        assertLearnsRelations(small(Word2VecArchitecture.SKIP_GRAM).withObjective(0, true));
        assertLearnsRelations(
                small(Word2VecArchitecture.CBOW).withObjective(0, true).withAlpha(0.05, 0.0001));
    }

    @Test
    void summedCbowContextAndSubsamplingStillLearn() {
        assertLearnsRelations(small(Word2VecArchitecture.CBOW)
                .withCbowMean(false)
                .withSample(1e-3)
                .withAlpha(0.01, 0.0001)
                .withEpochs(5));
    }

    @Test
    void singleThreadedTrainingIsReproducibleBitForBit() {
        Word2VecOptions o =
                small(Word2VecArchitecture.SKIP_GRAM).withObjective(5, true).withSample(1e-3);
        float[] a = Word2Vec.train(CORPUS, o).copyOfMatrix();
        float[] b = Word2Vec.train(CORPUS, o).copyOfMatrix();
        assertArrayEquals(a, b);
        float[] c = Word2Vec.train(CORPUS, o.withSeed(12)).copyOfMatrix();
        assertFalse(Arrays.equals(a, c), "another seed must give other vectors");
    }

    @Test
    void severalThreadsTrainTooAndNumberWordsByFrequency() {
        WordVectors wv =
                Word2Vec.train(CORPUS, small(Word2VecArchitecture.SKIP_GRAM).withThreads(3));
        assertEquals(2 * (6 + 7) + 6 * 4 + 2 * 4 + 2 * 4 + 7 * 4 + 40, wv.size());
        // the context words (each ~1,900 times) come before the content words (~1,250 times each)
        List<String> words = wv.words();
        assertTrue(words.indexOf("male_0") < words.indexOf("king"), words.toString());
        assertTrue(SyntheticRelations.analogyAccuracy(wv, SyntheticRelations.GENDER_PAIRS) >= 0.8);
    }

    @Test
    void optionsAreValidatedWithClearMessages() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Word2VecOptions.defaults().withDim(0));
        assertTrue(e.getMessage().contains("dim"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> Word2VecOptions.defaults().withObjective(0, false));
        assertTrue(e.getMessage().contains("nothing to train"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> Word2VecOptions.defaults().withAlpha(0.01, 0.02));
        assertTrue(e.getMessage().contains("minAlpha"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> Word2VecOptions.defaults().withSample(-1));
        assertTrue(e.getMessage().contains("sample"), e.getMessage());
        List<List<String>> tiny = new ArrayList<>();
        tiny.add(List.of("a", "b"));
        e = assertThrows(IllegalArgumentException.class, () -> Word2Vec.train(tiny, Word2VecOptions.defaults()));
        assertTrue(e.getMessage().contains("min-count"), e.getMessage());
    }
}
