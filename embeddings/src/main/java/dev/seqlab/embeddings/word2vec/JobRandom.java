package dev.seqlab.embeddings.word2vec;

/**
 * The random numbers of one training job: a SplitMix64 stream started from the run's seed and the
 * job's sequence number, so that a job's choices (subsampling, windows, negatives) do not depend
 * on which thread trains it. One per training thread, restarted for each job.
 */
public final class JobRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private final long seed;
    private long state;

    /** A stream for the run seeded with {@code seed}; call {@link #startJob} before drawing. */
    public JobRandom(long seed) {
        this.seed = seed;
    }

    /** Restarts the stream for job {@code sequence}. */
    public void startJob(long sequence) {
        // A start scattered by the job number: with starts one GOLDEN step apart, job s+1 would
        // replay job s's random numbers shifted by one (same negatives, same windows).
        state = mix64(mix64(seed) + mix64(sequence + 1));
    }

    /** The next 64 random bits. */
    public long next() {
        return mix64(state += GOLDEN);
    }

    /** A uniform integer in [0, bound), from the high 32 bits of {@link #next()}. */
    public int below(int bound) {
        return (int) (((next() >>> 32) * bound) >>> 32);
    }

    /** SplitMix64's finaliser: a bijection of 64-bit values that scatters nearby inputs. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
