package dev.seqlab.bench.embeddings;

import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.LoadOptions;
import dev.seqlab.embeddings.VectorFormat;
import dev.seqlab.embeddings.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The word-vector workloads of {@code ../shared/bench/gensim_query.py}, timed for seqlab: loading
 * the GloVe text file, opening the seqlab format (written next to it on the first run), the mean
 * latency of 50 {@code mostSimilar} queries (words 0, 7, 14, …, top 10) and of 50 analogies, after
 * one warm-up query as the peer does. Prints one JSON line.
 *
 * <p>Usage: {@code WordVectorsSpeed GLOVE.txt SEQLAB_FILE [threads]}
 */
public final class WordVectorsSpeed {

    public static void main(String[] args) throws IOException {
        Path text = Path.of(args[0]);
        Path seqlab = Path.of(args[1]);
        LoadOptions options = args.length > 2 ? LoadOptions.DEFAULT.withThreads(Integer.parseInt(args[2]))
                : LoadOptions.DEFAULT;
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
        opened.mostSimilar(words.get(1), 10);
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
        System.out.printf(Locale.ROOT, "{\"peer\": \"seqlab\", \"words\": %d, \"load_s\": %.3f, \"open_seqlab_s\": %.3f,"
                + " \"most_similar_ms\": %.3f, \"analogy_ms\": %.3f, \"threads\": %d}%n", opened.size(), load, open, ms, an,
                options.threads());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
