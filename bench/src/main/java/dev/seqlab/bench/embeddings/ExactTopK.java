package dev.seqlab.bench.embeddings;

import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Kernels;
import dev.seqlab.embeddings.WordVectors;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The exact top k of many query rows at once, by cosine, each query row excluded from its own
 * answer: one pass over the rows, blocks of them multiplied with all the queries (GEMM), rather
 * than one pass over millions of rows per query. Cached in a file so that runs over the same
 * vectors and queries compute it once.
 */
final class ExactTopK {
    private static final int BLOCK = 4096;

    private ExactTopK() {}

    /** The exact top {@code k} of each of {@code queries}, read from {@code cache} or computed and saved there. */
    static int[][] of(WordVectors wv, int[] queries, int k, int threads, Path cache) throws IOException {
        if (Files.exists(cache)) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(cache))) {
                int[][] out = new int[in.readInt()][];
                for (int i = 0; i < out.length; i++) {
                    out[i] = new int[in.readInt()];
                    for (int j = 0; j < out[i].length; j++) {
                        out[i][j] = in.readInt();
                    }
                }
                return out;
            }
        }
        int[][] out = compute(wv, queries, k, threads);
        try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(cache))) {
            o.writeInt(out.length);
            for (int[] row : out) {
                o.writeInt(row.length);
                for (int v : row) {
                    o.writeInt(v);
                }
            }
        }
        return out;
    }

    private static int[][] compute(WordVectors wv, int[] queries, int k, int threads) {
        int n = wv.size();
        int dim = wv.dimension();
        int q = queries.length;
        float[] a = new float[q * dim];
        for (int i = 0; i < q; i++) {
            System.arraycopy(wv.unitVector(queries[i]), 0, a, i * dim, dim);
        }
        float[][] bestScores = new float[q][k];
        int[][] bestRows = new int[q][k];
        int[] found = new int[q];
        float[] block = new float[BLOCK * dim];
        float[] c = new float[q * BLOCK];
        Blas blas = Kernels.blas(threads);
        for (int from = 0; from < n; from += BLOCK) {
            int rows = Math.min(BLOCK, n - from);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(wv.unitVector(from + r), 0, block, r * dim, dim);
            }
            blas.gemm(false, true, q, rows, dim, 1f, a, 0, dim, block, 0, dim, 0f, c, 0, BLOCK);
            for (int i = 0; i < q; i++) {
                float[] s = bestScores[i];
                int[] v = bestRows[i];
                for (int r = 0; r < rows; r++) {
                    float score = c[i * BLOCK + r];
                    int row = from + r;
                    if (row == queries[i] || found[i] == k && score <= s[k - 1]) {
                        continue;
                    }
                    int j = Math.min(found[i], k - 1);
                    if (found[i] < k) {
                        found[i]++;
                    }
                    while (j > 0 && s[j - 1] < score) {
                        s[j] = s[j - 1];
                        v[j] = v[j - 1];
                        j--;
                    }
                    s[j] = score;
                    v[j] = row;
                }
            }
        }
        int[][] out = new int[q][];
        for (int i = 0; i < q; i++) {
            out[i] = Arrays.copyOf(bestRows[i], found[i]);
        }
        return out;
    }
}
