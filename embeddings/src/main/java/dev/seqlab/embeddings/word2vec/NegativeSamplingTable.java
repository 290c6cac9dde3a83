package dev.seqlab.embeddings.word2vec;

/**
 * Draws negative samples with probability proportional to count^0.75, the smoothed unigram
 * distribution of word2vec (or count^power: fastText uses 0.5). Where the C tool fills a table of 10^8 word ids (and gensim
 * bisects a cumulative table), this is Walker's alias table (Vose's construction): one entry per
 * word, O(1) per draw from a single 64-bit random number, exact up to 2^-32 per word, and small
 * enough (8 bytes a word) to stay in cache.
 */
public final class NegativeSamplingTable {
    /** The exponent smoothing the unigram distribution. */
    public static final double POWER = 0.75;

    private static final double SCALE = 0x1p32;

    /** Entry i: bits 63..32 the threshold below which a draw of bin i gives i; 31..0 the alias. */
    private final long[] entries;

    private final int size;

    private NegativeSamplingTable(long[] entries) {
        this.entries = entries;
        this.size = entries.length;
    }

    /**
     * The table for words with these counts.
     *
     * @throws IllegalArgumentException if there are no counts or one is not positive
     */
    public static NegativeSamplingTable build(long[] counts) {
        return build(counts, POWER);
    }

    /**
     * The table drawing words with probability proportional to count^{@code power}.
     *
     * @throws IllegalArgumentException if there are no counts or one is not positive
     */
    public static NegativeSamplingTable build(long[] counts, double power) {
        int n = counts.length;
        if (n == 0) {
            throw new IllegalArgumentException("negative sampling needs at least one word");
        }
        double[] q = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (counts[i] <= 0) {
                throw new IllegalArgumentException("count of word " + i + " must be positive, got " + counts[i]);
            }
            q[i] = Math.pow(counts[i], power);
            total += q[i];
        }
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            q[i] = q[i] * n / total;
            if (q[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        long[] entries = new long[n];
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[nl - 1];
            entries[s] = pack(q[s], l);
            q[l] -= 1 - q[s];
            if (q[l] < 1) {
                nl--;
                small[ns++] = l;
            }
        }
        // what is left has probability one (up to rounding): always itself
        while (nl > 0) {
            int l = large[--nl];
            entries[l] = pack(1, l);
        }
        while (ns > 0) {
            int s = small[--ns];
            entries[s] = pack(1, s);
        }
        return new NegativeSamplingTable(entries);
    }

    private static long pack(double keep, int alias) {
        long threshold = Math.min((long) Math.rint(keep * SCALE), (1L << 32) - 1);
        if (keep >= 1) {
            threshold = (1L << 32) - 1;
        }
        return threshold << 32 | alias;
    }

    /** The number of words. */
    public int size() {
        return size;
    }

    /** The word drawn by the 64 random bits {@code random}. */
    public int sample(long random) {
        int bin = (int) (((random >>> 32) * size) >>> 32);
        long e = entries[bin];
        // a bin whose own share is 1 has itself as alias, so the comparison needs no special case
        return (random & 0xFFFFFFFFL) < (e >>> 32) ? bin : (int) e;
    }

    /**
     * The probability with which {@link #sample(long)} draws {@code word} from uniform random
     * bits, taking each bin as equally likely (true up to size / 2^32).
     */
    public double probability(int word) {
        double p = 0;
        for (int bin = 0; bin < size; bin++) {
            long e = entries[bin];
            double own = (e >>> 32) / SCALE;
            if ((int) e == bin) {
                own = 1;
            }
            if (bin == word) {
                p += own;
            } else if ((int) e == word) {
                p += 1 - own;
            }
        }
        // a bin is chosen with probability (number of high halves mapping to it) / 2^32
        return p / size;
    }
}
