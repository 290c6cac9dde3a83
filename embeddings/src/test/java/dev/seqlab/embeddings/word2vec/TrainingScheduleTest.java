package dev.seqlab.embeddings.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Where a job trains in the learning-rate schedule: over the run's words, or, per part, as
 * gensim's {@code corpus_file} workers take it (epoch plus the words before the job in its own
 * part, against the whole corpus).
 */
class TrainingScheduleTest {
    private static TrainingJob job(int epoch, long streamWord) {
        TrainingJob job = new TrainingJob();
        job.epoch = epoch;
        job.streamWord = streamWord;
        return job;
    }

    @Test
    void linearPlanTakesTheRunsWords() {
        TrainingRun.Plan plan = new TrainingRun.Plan(5, 5, 2, 0.025, 0.0001, "t", "t", 2);
        assertEquals(0.3, TrainingRun.place(plan, job(1, 7), 300, 1000, 200), 1e-12);
        assertEquals(1.0, TrainingRun.place(plan, job(4, 7), 1200, 1000, 200), 1e-12);
    }

    @Test
    void perPartPlanTakesTheEpochAndThePartsWords() {
        TrainingRun.Plan plan = new TrainingRun.Plan(5, 5, 2, 0.025, 0.0001, "t", "t", 2, true);
        // epoch 1, a quarter of the corpus into its part: (1 + 0.25) / 5, whatever the run's words
        assertEquals(0.25, TrainingRun.place(plan, job(1, 50), 999, 1000, 200), 1e-12);
        // the end of the last epoch's half: (4 + 0.5) / 5, so the rate never falls below 10% of the start's
        assertEquals(0.9, TrainingRun.place(plan, job(4, 100), 999, 1000, 200), 1e-12);
        // one stream: the per-part schedule is the linear one
        TrainingRun.Plan one = new TrainingRun.Plan(5, 5, 2, 0.025, 0.0001, "t", "t", 1, true);
        assertEquals(0.3, TrainingRun.place(one, job(1, 50), 300, 1000, 200), 1e-12);
    }

    @Test
    void partPlaceIsTheEpochPlusTheReadersShareOverTheEpochsCapped() {
        // epoch 1 (the second of 5), a reader a quarter of the corpus into its part: (1 + 0.25) / 5
        assertEquals(0.25, TrainingRun.partPlace(1, 0.25, 5), 1e-12);
        // one part read to its end is the linear fall: (2 + 1) / 5
        assertEquals(0.6, TrainingRun.partPlace(2, 1.0, 5), 1e-12);
        assertEquals(1.0, TrainingRun.partPlace(4, 1.3, 5), 1e-12, "never past the end rate");
    }
}
