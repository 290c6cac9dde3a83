package dev.seqlab.embeddings.fasttext.train;

import dev.seqlab.embeddings.word2vec.NegativeSamplingTable;

/**
 * fastText's noise distribution for negative sampling. The tool fills a table of about
 * {@value #TABLE_SIZE} word ids, word {@code i} taking {@code ⌈√count_i · TABLE_SIZE / Σ√count⌉}
 * entries (in single precision), and draws entries uniformly; rounding up gives every rare word
 * a little more than its {@code count^0.5} share. The same distribution is drawn here from
 * word2vec's alias table weighted by those entry counts.
 */
final class FastTextNegatives {
    /** fastText's {@code NEGATIVE_TABLE_SIZE}. */
    static final int TABLE_SIZE = 10_000_000;

    private FastTextNegatives() {}

    /** The negative sampler of a dictionary with these counts. */
    static NegativeSamplingTable of(long[] counts) {
        return NegativeSamplingTable.build(entries(counts), 1.0);
    }

    /** How many entries of fastText's table each word takes, computed in float as the tool does. */
    static long[] entries(long[] counts) {
        float z = 0f;
        for (long c : counts) {
            z = (float) (z + Math.sqrt(c)); // float z += double pow(c, 0.5)
        }
        long[] entries = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            float share = (float) Math.sqrt(counts[i]) * TABLE_SIZE / z;
            entries[i] = (long) Math.ceil(share);
        }
        return entries;
    }
}
