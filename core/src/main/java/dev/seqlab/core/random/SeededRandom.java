package dev.seqlab.core.random;

/**
 * A fast, seeded pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014) whose output
 * depends only on the seed. Every random choice in seqlab (initial weights, dropout masks,
 * sampling, shuffling) goes through one of these, so a seed reproduces a run exactly.
 *
 * <p>Not thread-safe: give each thread its own generator with {@link #split()} or
 * {@link #stream(long)}.
 *
 * <pre>{@code
 * SeededRandom rng = new SeededRandom(42);
 * float u = rng.nextFloat();          // uniform in [0, 1)
 * double g = rng.nextGaussian();      // standard normal
 * }</pre>
 */
public final class SeededRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    /** A generator whose sequence is fixed by {@code seed}. */
    public SeededRandom(long seed) {
        this.state = seed;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The next 32 random bits. */
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /**
     * A uniform integer in {@code [0, bound)}, without modulo bias.
     *
     * @throws IllegalArgumentException if {@code bound <= 0}
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        // Lemire's multiply-and-reject on 32 random bits.
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** A uniform double in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A uniform float in {@code [0, 1)} with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** A uniform double in {@code [lo, hi)}. */
    public double nextDouble(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** A standard normal deviate (Marsaglia's polar method; the second deviate is kept for the next call). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * f;
        hasSpare = true;
        return u * f;
    }

    /** A new generator seeded from this one's next output; this one advances by one step. */
    public SeededRandom split() {
        return new SeededRandom(nextLong());
    }

    /**
     * The generator for stream {@code index} derived from this one's current state without
     * advancing it: streams 0, 1, 2, … are independent and the same for the same seed, which
     * keeps per-thread randomness reproducible for a given thread count.
     */
    public SeededRandom stream(long index) {
        SeededRandom s = new SeededRandom(state ^ (index * 0xD1B54A32D192ED03L + 0x632BE59BD9B4E019L));
        s.nextLong();
        return new SeededRandom(s.nextLong());
    }

    /**
     * Where a generator is in its sequence: enough to continue it exactly (training checkpoints).
     *
     * @param position     the SplitMix64 counter
     * @param hasSpare     whether a second Gaussian deviate is waiting
     * @param spareGaussian that deviate (0 when there is none)
     */
    public record State(long position, boolean hasSpare, double spareGaussian) {}

    /** This generator's current state; {@link #setState} with it continues the same sequence. */
    public State state() {
        return new State(state, hasSpare, hasSpare ? spareGaussian : 0);
    }

    /** Moves this generator to {@code s}, taken from {@link #state()} of this or another generator. */
    public void setState(State s) {
        this.state = s.position();
        this.hasSpare = s.hasSpare();
        this.spareGaussian = s.spareGaussian();
    }

    /** Shuffles {@code a} in place (Fisher–Yates). */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
