package dev.seqlab.bench.embeddings;

import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.io.LoadOptions;
import dev.seqlab.embeddings.io.VectorFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The word-vector workloads of {@code ../shared/bench/gensim_query.py}, timed for seqlab: loading
 * the GloVe text file, opening the seqlab format (written next to it on the first run), the mean
 * latency of 50 {@code mostSimilar} queries (words 0, 7, 14, …, top 10) and of 50 analogies. The
 * peer times its queries after one warm-up query; seqlab reports that first query separately
 * ({@code first_query_ms}: it also builds the search index and runs before the JIT has compiled
 * anything), then lets {@link WordVectors#prepareQueries()} finish the search index and times the
 * 50 after {@value #WARM_UP} further warm-up pairs on other words: the steady state of a shell or
 * a server. Prints one JSON line.
 *
 * <p>Usage: {@code WordVectorsSpeed GLOVE.txt SEQLAB_FILE [threads]}
 */
public final class WordVectorsSpeed {
    /** Query pairs run before timing, so that the JIT has compiled the search kernels (numpy needs none). */
    private static final int WARM_UP = 30;

    public static void main(String[] args) throws IOException {
        Path text = Path.of(args[0]);
        Path seqlab = Path.of(args[1]);
        LoadOptions options =
                args.length > 2 ? LoadOptions.DEFAULT.withThreads(Integer.parseInt(args[2])) : LoadOptions.DEFAULT;
        long t0 = System.nanoTime();
        WordVectors wv = WordVectors.load(text, options);
        double load = seconds(t0);
        if (!Files.exists(seqlab)) {
            wv.save(seqlab, VectorFormat.SEQLAB);
        }
        wv = null;
        System.gc();
        t0 = System.nanoTime();
        WordVectors opened = WordVectors.load(seqlab, options);
        double open = seconds(t0);
        List<String> words = opened.words();
        t0 = System.nanoTime();
        opened.mostSimilar(words.get(1), 10);
        double first = seconds(t0) * 1e3;
        opened.prepareQueries();
        for (int i = 0; i < WARM_UP; i++) {
            opened.mostSimilar(words.get(1000 + i), 10);
            opened.analogy(words.get(1002 + i), words.get(1000 + i), words.get(1001 + i), AnalogyMethod.ADD, 10);
        }
        t0 = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            opened.mostSimilar(words.get(i * 7), 10);
        }
        double ms = seconds(t0) / 50 * 1e3;
        t0 = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            opened.analogy(words.get(i + 2), words.get(i), words.get(i + 1), AnalogyMethod.ADD, 10);
        }
        double an = seconds(t0) / 50 * 1e3;
        System.out.printf(
                Locale.ROOT,
                "{\"peer\": \"seqlab\", \"words\": %d, \"load_s\": %.3f, \"open_seqlab_s\": %.3f,"
                        + " \"first_query_ms\": %.1f, \"most_similar_ms\": %.3f, \"analogy_ms\": %.3f, \"threads\": %d}%n",
                opened.size(),
                load,
                open,
                first,
                ms,
                an,
                options.threads());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
