package dev.seqlab.embeddings.fasttext.train;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The input rows of every dictionary word (its own row, then its hashed n-gram rows, repeats
 * kept as fastText keeps them), computed once before training, as offsets into the padded input
 * matrix. For each word it also holds {@code 1/n} (its hidden layer is the mean of its {@code n}
 * rows) and the amount by which that mean moves when every one of its rows gets a gradient
 * {@code g}: {@code g · Σ k²/n} over its distinct rows, {@code k} the times a row repeats (1 when
 * no n-gram repeats).
 */
final class SubwordTable {
    private final int[] starts;
    private final int[] offsets;
    private final float[] inverse;
    private final float[] selfWeight;

    private SubwordTable(int[] starts, int[] offsets, float[] inverse, float[] selfWeight) {
        this.starts = starts;
        this.offsets = offsets;
        this.inverse = inverse;
        this.selfWeight = selfWeight;
    }

    /** The table of {@code nwords} words whose rows {@code rowsOf} gives, rows {@code stride} floats apart. */
    static SubwordTable build(int nwords, IntFunction<int[]> rowsOf, int stride) {
        int[] starts = new int[nwords + 1];
        int[] offsets = new int[Math.max(16, nwords * 8)];
        float[] inverse = new float[nwords];
        float[] selfWeight = new float[nwords];
        int count = 0;
        for (int w = 0; w < nwords; w++) {
            int[] rows = rowsOf.apply(w);
            if (count + rows.length > offsets.length) {
                offsets = Arrays.copyOf(offsets, Math.max(offsets.length * 2, count + rows.length));
            }
            for (int r : rows) {
                offsets[count++] = Math.multiplyExact(r, stride);
            }
            starts[w + 1] = count;
            inverse[w] = 1f / rows.length;
            int[] sorted = rows.clone();
            Arrays.sort(sorted);
            long squares = 0;
            for (int i = 0; i < sorted.length; ) {
                int j = i;
                while (j < sorted.length && sorted[j] == sorted[i]) {
                    j++;
                }
                squares += (long) (j - i) * (j - i);
                i = j;
            }
            selfWeight[w] = (float) ((double) squares / rows.length);
        }
        return new SubwordTable(starts, Arrays.copyOf(offsets, count), inverse, selfWeight);
    }

    /** Where word {@code w}'s offsets start in {@link #offsets()}. */
    int start(int w) {
        return starts[w];
    }

    /** Where word {@code w}'s offsets end (exclusive) in {@link #offsets()}. */
    int end(int w) {
        return starts[w + 1];
    }

    /** The row offsets of all words, one word after the other. */
    int[] offsets() {
        return offsets;
    }

    /** One over the number of rows of word {@code w}. */
    float inverse(int w) {
        return inverse[w];
    }

    /** How far word {@code w}'s mean row moves per unit of gradient added to each of its rows. */
    float selfWeight(int w) {
        return selfWeight[w];
    }
}
