package dev.seqlab.embeddings.ann;

import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.io.VectorFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small clustered word vectors written as seqlab files, the shape approximate search is made for. */
final class ClusteredVectors {

    private ClusteredVectors() {}

    /**
     * {@code n} words {@code w0...} of {@code dim} drawn around {@code clusters} Gaussian centres
     * (spread 0.35 of a centre's), saved in the seqlab format at {@code file}.
     */
    static Path write(Path file, int n, int dim, int clusters, long seed) throws IOException {
        SeededRandom rng = new SeededRandom(seed);
        float[][] centres = new float[clusters][dim];
        for (float[] c : centres) {
            for (int k = 0; k < dim; k++) {
                c[k] = (float) rng.nextGaussian();
            }
        }
        float[] matrix = new float[n * dim];
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] c = centres[rng.nextInt(clusters)];
            for (int k = 0; k < dim; k++) {
                matrix[i * dim + k] = c[k] + 0.35f * (float) rng.nextGaussian();
            }
            words.add("w" + i);
        }
        WordVectors.of(words, matrix, dim).save(file, VectorFormat.SEQLAB);
        return file;
    }

    /**
     * {@code n} words of {@code dim} shaped as {@code make_vectors.py --clusters}: around
     * {@code clusters} Gaussian centres (scaled 0.35) with Zipf-distributed cluster sizes (exponent
     * 0.8), spread 0.25, plus a shared offset, so that most clusters are small and, with fewer lists
     * than clusters, k-means gathers the small ones into a few large lists.
     */
    static Path writeSkewed(Path file, int n, int dim, int clusters, long seed) throws IOException {
        SeededRandom rng = new SeededRandom(seed);
        float[][] centres = new float[clusters][dim];
        for (float[] c : centres) {
            for (int k = 0; k < dim; k++) {
                c[k] = 0.35f * (float) rng.nextGaussian();
            }
        }
        float[] offset = new float[dim];
        for (int k = 0; k < dim; k++) {
            offset[k] = 0.3f * (float) rng.nextGaussian();
        }
        double[] cumulative = new double[clusters];
        double total = 0;
        for (int c = 0; c < clusters; c++) {
            total += Math.pow(c + 1, -0.8);
            cumulative[c] = total;
        }
        float[] matrix = new float[n * dim];
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble() * total;
            int c = 0;
            while (c < clusters - 1 && cumulative[c] < u) {
                c++;
            }
            for (int k = 0; k < dim; k++) {
                matrix[i * dim + k] = centres[c][k] + offset[k] + 0.25f * (float) rng.nextGaussian();
            }
            words.add("w" + i);
        }
        WordVectors.of(words, matrix, dim).save(file, VectorFormat.SEQLAB);
        return file;
    }
}
