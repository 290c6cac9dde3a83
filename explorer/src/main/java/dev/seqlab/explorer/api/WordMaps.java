package dev.seqlab.explorer.api;

import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.pca.PrincipalComponents;
import dev.seqlab.explorer.tsne.TsneOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * 2-D maps of words: a word's neighbourhood (the word and its nearest neighbours) or a typed list,
 * placed by PCA (answered at once) or by t-SNE (a background job; see {@link TsneJobs}). Both work
 * on the unit vectors, so distances in the map follow cosine similarity.
 */
final class WordMaps implements AutoCloseable {
    private final WordVectors vectors;
    private final TsneJobs jobs;

    WordMaps(WordVectors vectors, int maxJobs) {
        this.vectors = vectors;
        this.jobs = new TsneJobs(maxJobs);
    }

    /**
     * {@code GET /api/map?center=WORD&top=N&method=pca|tsne} or {@code ?word=A&word=B…}: PCA
     * answers {@link #document}; t-SNE answers a job document to poll with {@link #job}.
     */
    Map<String, Object> map(Params p) {
        List<String> words = words(p);
        String method = p.optional("method") == null ? "pca" : p.optional("method");
        switch (method) {
            case "pca":
                return pca(words);
            case "tsne":
                int perplexity = p.integer("perplexity", 30, 2, 100);
                int iterations = p.integer("iterations", 750, 50, 2000);
                TsneOptions o = TsneOptions.defaults()
                        .withPerplexity(perplexity)
                        .withIterations(iterations)
                        .withThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
                return jobs.submit(words, this::unitRows, vectors.dimension(), o);
            default:
                throw new ApiException(400, "'method' must be pca or tsne, got '" + method + "'");
        }
    }

    /** {@code GET /api/job?id=N}: a t-SNE job's state, progress and, once done, its map. */
    Map<String, Object> job(Params p) {
        return jobs.status(p.integer("id", -1, 1, Integer.MAX_VALUE));
    }

    private List<String> words(Params p) {
        String center = p.optional("center");
        if (center != null) {
            String c = p.word("center");
            int top = p.integer("top", 100, 1, p.limits().maxMapPoints() - 1);
            List<String> words = new ArrayList<>();
            words.add(c);
            for (Neighbor n : vectors.mostSimilar(c, top)) {
                words.add(n.word());
            }
            return words;
        }
        List<String> words = new ArrayList<>(new LinkedHashSet<>(p.words("word", 2)));
        if (words.size() < 2) {
            throw new ApiException(400, "a map needs at least 2 different words, got " + words.size());
        }
        if (words.size() > p.limits().maxMapPoints()) {
            throw new ApiException(
                    400,
                    words.size() + " words; a map holds at most " + p.limits().maxMapPoints());
        }
        for (String w : words) {
            vectors.require(w);
        }
        return words;
    }

    private Map<String, Object> pca(List<String> words) {
        float[] x = unitRows(words);
        int dim = vectors.dimension();
        float[][] rows = new float[words.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOfRange(x, i * dim, (i + 1) * dim);
        }
        PrincipalComponents pc = PrincipalComponents.of(rows, 2);
        double[] xy = new double[2 * rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] q = pc.project(rows[i]);
            xy[2 * i] = q[0];
            xy[2 * i + 1] = q[1];
        }
        return document("pca", words, xy, List.of(pc.explainedRatio(0), pc.explainedRatio(1)));
    }

    private float[] unitRows(List<String> words) {
        int dim = vectors.dimension();
        float[] x = new float[words.size() * dim];
        for (int i = 0; i < words.size(); i++) {
            System.arraycopy(vectors.unitVector(words.get(i)), 0, x, i * dim, dim);
        }
        return x;
    }

    /** {@code {"method", "words", "points": [[x, y]…], "explained"?}}. */
    static Map<String, Object> document(String method, List<String> words, double[] xy, List<Double> explained) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            points.add(new double[] {xy[2 * i], xy[2 * i + 1]});
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("method", method);
        doc.put("words", words);
        doc.put("points", points);
        if (explained != null) {
            doc.put("explained", explained);
        }
        return doc;
    }

    @Override
    public void close() {
        jobs.close();
    }
}
