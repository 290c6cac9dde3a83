package dev.seqlab.bench.embeddings;

import dev.seqlab.embeddings.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * seqlab's side of {@code bench/fasttext-load-vs-gensim.sh}: loads a fastText {@code .bin} with
 * {@link WordVectors#load}, looks up 1,000 vocabulary words (ids {@code i·n/1000}) and 1,000 unseen
 * ones (each of those + "zq", answered from n-grams), and with mode {@code query} runs one
 * {@code mostSimilar} (top 10), which computes every vocabulary word's vector. The same workload
 * as {@code bench/python/gensim_fasttext_load.py}. Prints one JSON line.
 *
 * <p>Usage: {@code FastTextLoadSpeed MODEL.bin lookups|query}
 */
public final class FastTextLoadSpeed {

    private FastTextLoadSpeed() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String mode = args[1];
        long t0 = System.nanoTime();
        WordVectors wv = WordVectors.load(file);
        double load = seconds(t0);
        int n = wv.size();
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            known.add(wv.word((int) ((long) i * n / 1000)));
        }
        List<String> all = new ArrayList<>(known);
        known.forEach(w -> all.add(w + "zq"));
        t0 = System.nanoTime();
        double checksum = 0;
        for (String w : all) {
            checksum += wv.vector(w)[0];
        }
        double lookups = seconds(t0);
        String query = "null";
        if (mode.equals("query")) {
            t0 = System.nanoTime();
            wv.mostSimilar(known.get(1), 10);
            query = String.format(Locale.ROOT, "%.3f", seconds(t0));
        }
        System.out.printf(
                Locale.ROOT,
                "{\"peer\": \"seqlab\", \"mode\": \"%s\", \"words\": %d, \"dim\": %d, \"load_s\": %.3f,"
                        + " \"lookups_s\": %.3f, \"first_query_s\": %s, \"checksum\": %.3f}%n",
                mode,
                n,
                wv.dimension(),
                load,
                lookups,
                query,
                checksum);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
