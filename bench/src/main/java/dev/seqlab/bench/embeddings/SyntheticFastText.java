package dev.seqlab.bench.embeddings;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.embeddings.fasttext.FastTextArgs;
import dev.seqlab.embeddings.fasttext.FastTextBinary;
import dev.seqlab.embeddings.fasttext.FastTextDictionary;
import dev.seqlab.embeddings.fasttext.FastTextModel;
import dev.seqlab.embeddings.store.FloatRows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a synthetic fastText {@code .bin} of the size of Facebook's cc.*.300.bin with seqlab's
 * writer: {@code WORDS} words ({@code w0, w1, …} with letters mixed in, counts falling with rank),
 * {@code BUCKET} n-gram rows, dimension {@code DIM}, rows drawn uniformly from ±1/dim (fastText's
 * initialisation) and generated while writing, so no matrix is held in memory. 2M × 300 with 2M
 * buckets is a 7.2 GB file.
 *
 * <p>Usage: {@code SyntheticFastText OUT.bin WORDS DIM [BUCKET]}
 */
public final class SyntheticFastText {
    private static final String LETTERS = "etaoinshrdlucmfwypvbgkqjxz";

    private SyntheticFastText() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int words = Integer.parseInt(args[1]);
        int dim = Integer.parseInt(args[2]);
        int bucket = args.length > 3 ? Integer.parseInt(args[3]) : 2_000_000;
        List<String> vocab = new AbstractList<>() {
            @Override
            public String get(int i) {
                return word(i);
            }

            @Override
            public int size() {
                return words;
            }
        };
        long[] counts = new long[words];
        for (int i = 0; i < words; i++) {
            counts[i] = Math.max(5, 10_000_000L / (i + 1));
        }
        FastTextArgs a = FastTextArgs.defaults().withDim(dim).withBucket(bucket);
        FastTextDictionary d = FastTextDictionary.ofWords(vocab, counts, 1_000_000_000L);
        long t0 = System.nanoTime();
        FastTextBinary.write(
                new FastTextModel(a, d, new Generated(words + bucket, dim, 1), new Generated(words, dim, 2)), out);
        System.out.printf(
                "{\"file\": \"%s\", \"words\": %d, \"dim\": %d, \"bucket\": %d, \"write_s\": %.1f}%n",
                out, words, dim, bucket, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * A word for rank {@code i}: letters from its digits in base 26 (so n-grams vary like words'),
     * some with a suffix of characters that are not letters, which keeps every word distinct.
     */
    static String word(int i) {
        StringBuilder b = new StringBuilder();
        int x = i;
        do {
            b.append(LETTERS.charAt(x % 26));
            x /= 26;
        } while (x > 0);
        return b.append(i % 7 == 0 ? "'s" : i % 5 == 0 ? "-like" : "").toString();
    }

    /** Rows drawn from a seeded generator row by row, never stored. */
    private static final class Generated implements FloatRows {
        private final int rows;
        private final int dim;
        private final long seed;

        Generated(int rows, int dim, long seed) {
            this.rows = rows;
            this.dim = dim;
            this.seed = seed;
        }

        @Override
        public int rows() {
            return rows;
        }

        @Override
        public int dim() {
            return dim;
        }

        @Override
        public void copyRows(int from, int count, float[] dst, int off) {
            float scale = 1f / dim;
            for (int r = 0; r < count; r++) {
                SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + from + r);
                for (int j = 0; j < dim; j++) {
                    dst[off + r * dim + j] = (float) (rnd.nextDouble() * 2 - 1) * scale;
                }
            }
        }

        @Override
        public void dots(Blas blas, float[] x, int from, int to, float[] y) {
            float[] row = new float[dim];
            for (int i = from; i < to; i++) {
                copyRows(i, 1, row, 0);
                y[i] = blas.dot(dim, row, 0, x, 0);
            }
        }

        @Override
        public float dot(Blas blas, int i, float[] x) {
            float[] row = new float[dim];
            copyRows(i, 1, row, 0);
            return blas.dot(dim, row, 0, x, 0);
        }

        @Override
        public float[] asArray() {
            float[] all = new float[Math.multiplyExact(rows, dim)];
            copyRows(0, rows, all, 0);
            return all;
        }
    }
}
