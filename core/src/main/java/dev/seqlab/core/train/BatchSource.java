package dev.seqlab.core.train;

import dev.seqlab.core.random.SeededRandom;

/**
 * The training data of a {@link TrainingLoop} as epochs of batches. At the start of every epoch
 * the loop calls {@link #shuffle} with its own seeded generator, then asks for batches
 * {@code 0 … batches()−1} in turn. A source must be deterministic: the same sequence of
 * {@code shuffle} calls gives the same batches, which is how a resumed run finds its place again.
 *
 * @param <B> what one batch is
 */
public interface BatchSource<B> {

    /** Batches in every epoch. */
    int batches();

    /** Orders the coming epoch's batches (called once per epoch, before its first batch). */
    void shuffle(SeededRandom rng);

    /** Batch {@code index} of the current epoch. */
    B batch(int index);

    /**
     * What a batch counts for (characters, examples): its loss weighs this much in the epoch's mean
     * and progress advances by it. 1 unless overridden.
     */
    default long weight(B batch) {
        return 1;
    }

    /** The total weight of one epoch (for the progress bar); by default the sum over the current order. */
    default long epochWeight() {
        long sum = 0;
        for (int i = 0; i < batches(); i++) {
            sum += weight(batch(i));
        }
        return sum;
    }
}
