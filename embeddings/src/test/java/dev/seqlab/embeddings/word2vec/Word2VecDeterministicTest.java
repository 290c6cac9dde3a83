package dev.seqlab.embeddings.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.synthetic.SyntheticRelations;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deterministic multi-threaded training gives the same bytes for the same seed and thread count,
 * still learns, and reports a per-epoch loss that falls.
 */
class Word2VecDeterministicTest {
    private static final List<List<String>> CORPUS = SyntheticRelations.corpus(30_000, 7);

    private static Word2VecOptions options(Word2VecArchitecture architecture) {
        return Word2VecOptions.defaults()
                .withArchitecture(architecture)
                .withDim(24)
                .withWindow(4)
                .withEpochs(3)
                .withVocabulary(5, 0)
                .withSample(1e-3)
                .withSeed(11)
                .withThreads(3)
                .withDeterministic(true);
    }

    @Test
    void threeThreadsGiveTheSameBytesTwiceAndStillLearn() {
        for (Word2VecArchitecture a : Word2VecArchitecture.values()) {
            Word2VecOptions o = options(a).withObjective(5, true);
            WordVectors first = Word2Vec.train(CORPUS, o);
            float[] again = Word2Vec.train(CORPUS, o).copyOfMatrix();
            assertArrayEquals(first.copyOfMatrix(), again, a + " twice");
            assertFalse(
                    Arrays.equals(again, Word2Vec.train(CORPUS, o.withSeed(12)).copyOfMatrix()), "another seed");
            double acc = SyntheticRelations.analogyAccuracy(first, SyntheticRelations.GENDER_PAIRS);
            assertTrue(acc >= 0.8, a.toString());
        }
    }

    @Test
    void twoThreadsGiveTheSameBytesTwice() {
        for (Word2VecArchitecture a : Word2VecArchitecture.values()) {
            Word2VecOptions o = options(a).withThreads(2);
            float[] first = Word2Vec.train(CORPUS, o).copyOfMatrix();
            assertArrayEquals(first, Word2Vec.train(CORPUS, o).copyOfMatrix(), a + " twice with 2 threads");
        }
    }

    @Test
    void lossIsReportedPerEpochAndFalls() throws IOException {
        Word2VecReport r = Word2Vec.train(
                Corpus.of(CORPUS),
                options(Word2VecArchitecture.SKIP_GRAM).withDeterministic(false),
                ProgressListener.NONE);
        double[] loss = r.epochLoss();
        assertEquals(3, loss.length);
        // an untrained model scores every target 0: 6 × log 2 per prediction with 5 negatives
        assertTrue(loss[0] < 6 * Math.log(2) && loss[0] > 0, Arrays.toString(loss));
        assertTrue(loss[2] < loss[0], Arrays.toString(loss));
    }
}
