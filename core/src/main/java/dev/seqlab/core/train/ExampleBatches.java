package dev.seqlab.core.train;

import dev.seqlab.core.random.SeededRandom;
import java.util.Arrays;

/**
 * Batches of example indices {@code 0 … n−1}: each epoch shuffles the previous epoch's order
 * further (so epoch e's order depends on all e shuffles before it) and cuts it into batches.
 *
 * <pre>{@code
 * BatchSource<int[]> source = new ExampleBatches(pairs.size(), 64, true);
 * }</pre>
 */
public final class ExampleBatches implements BatchSource<int[]> {
    private final int[] order;
    private final int batchSize;
    private final int batches;

    /**
     * Batches over {@code examples} examples.
     *
     * @param dropLast leave out the last, smaller batch (so every batch has {@code batchSize} examples)
     * @throws IllegalArgumentException if there are no examples, or too few for one full batch with {@code dropLast}
     */
    public ExampleBatches(int examples, int batchSize, boolean dropLast) {
        if (examples < 1) {
            throw new IllegalArgumentException("need at least one example, got " + examples);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.batches = dropLast ? examples / batchSize : (examples + batchSize - 1) / batchSize;
        if (batches == 0) {
            throw new IllegalArgumentException(examples + " examples make no full batch of " + batchSize);
        }
        this.batchSize = batchSize;
        this.order = new int[examples];
        for (int i = 0; i < examples; i++) {
            order[i] = i;
        }
    }

    @Override
    public int batches() {
        return batches;
    }

    @Override
    public void shuffle(SeededRandom rng) {
        rng.shuffle(order);
    }

    @Override
    public int[] batch(int index) {
        int start = index * batchSize;
        return Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
    }

    @Override
    public long weight(int[] batch) {
        return batch.length;
    }
}
