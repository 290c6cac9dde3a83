package dev.seqlab.embeddings.word2vec;

/**
 * Frequent-word subsampling: each occurrence of a word with count c is kept with probability
 * {@code (sqrt(c / t) + 1) * t / c} (capped at 1), where {@code t = sample * N} and N is the
 * number of tokens of the vocabulary's words, the formula of the word2vec C tool and gensim.
 * With {@code sample = 0} every word is kept.
 */
public final class Subsampling {
    private static final double SCALE = 0x1p32;
    /** Keep an occurrence when 32 random bits are below this; 2^32 means always. */
    private final long[] thresholds;

    private Subsampling(long[] thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * The probability of keeping an occurrence of a word seen {@code count} times among
     * {@code totalTokens}.
     */
    public static double keepProbability(long count, long totalTokens, double sample) {
        if (sample <= 0) {
            return 1;
        }
        double t = sample * totalTokens;
        double p = (Math.sqrt(count / t) + 1) * t / count;
        return Math.min(p, 1);
    }

    /** The keep thresholds of all words of a vocabulary. */
    public static Subsampling of(long[] counts, long totalTokens, double sample) {
        long[] th = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            th[i] = Math.round(keepProbability(counts[i], totalTokens, sample) * SCALE);
        }
        return new Subsampling(th);
    }

    /** Whether to keep an occurrence of {@code word}, given 32 uniform random bits. */
    public boolean keep(int word, long random32) {
        return random32 < thresholds[word];
    }

    /** The probability of keeping an occurrence of {@code word} as used in training. */
    public double keepProbability(int word) {
        return thresholds[word] / SCALE;
    }
}
