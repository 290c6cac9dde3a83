package dev.seqlab.spark.word2vec;

import dev.seqlab.embeddings.word2vec.TrainingRun;
import java.io.Serializable;

/**
 * The learning rate of a task from its place in the run. Linear over all epochs with one part;
 * with {@code parts} parts, each epoch falls as if it were read in that many parts at once, each
 * part at the rate of its own progress against the whole corpus (gensim's {@code corpus_file}
 * mode with that many workers, which single-machine seqlab reads with two): epoch {@code e} runs
 * from the rate at {@code e / epochs} to the rate at {@code (e + 1/parts) / epochs}, a sawtooth
 * whose mean rate is above the linear fall's. The place in the fall is single-machine seqlab's
 * ({@link TrainingRun#partPlace}), with a partition's place in the epoch for a reader's.
 *
 * @param start  the rate at the start
 * @param end    the rate after the last word of a linear fall
 * @param epochs passes over the corpus
 * @param parts  parts each epoch is read in at once (1: linear over all epochs)
 */
record RateSchedule(double start, double end, int epochs, int parts) implements Serializable {
    /**
     * @throws IllegalArgumentException for fewer than one epoch or part
     */
    RateSchedule {
        if (epochs < 1 || parts < 1) {
            throw new IllegalArgumentException("epochs and parts must be at least 1, got " + epochs + " and " + parts);
        }
    }

    /** The place in the fall, from 0 (the start rate) to 1 (the end rate), at {@code done} of epoch {@code epoch}. */
    double place(int epoch, double done) {
        double inEpoch = Math.min(1.0, Math.max(0.0, done));
        return TrainingRun.partPlace(epoch, inEpoch / parts, epochs);
    }

    /** The rate at {@code done} (a fraction of the corpus's tokens, 0 to 1) of epoch {@code epoch} (from 0). */
    float alpha(int epoch, double done) {
        return (float) (start - (start - end) * place(epoch, done));
    }
}
