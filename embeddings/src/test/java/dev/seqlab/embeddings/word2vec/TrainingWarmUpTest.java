package dev.seqlab.embeddings.word2vec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainingWarmUpTest {
    @Test
    void trainsMadeUpJobsUntilClosedThenStops() throws InterruptedException {
        for (Word2VecOptions o : new Word2VecOptions[] {
            Word2VecOptions.defaults().withThreads(1), Word2VecOptions.cbow().withThreads(1)
        }) {
            TrainingWarmUp warmUp = TrainingWarmUp.start(o);
            long deadline = System.nanoTime() + 20_000_000_000L; // generous: a loaded machine, no JIT yet
            while (warmUp.jobs() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            warmUp.close();
            assertTrue(warmUp.jobs() > 0, "the warm-up trained no job");
            while (warmUp.running() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(warmUp.running(), "the warm-up still runs after close()");
        }
    }
}
