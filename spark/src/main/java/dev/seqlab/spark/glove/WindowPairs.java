package dev.seqlab.spark.glove;

import dev.seqlab.corpora.text.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import scala.Tuple2;

/**
 * One task's co-occurrences, as seqlab's GloVe counts them: sentences encoded with the
 * vocabulary (words out of it dropped), each pair at distance {@code d ≤ window} adding
 * {@code 1/d} in both directions. Pairs are summed in a {@link PairCounts} table and handed out
 * whenever it holds {@link #FLUSH_PAIRS} of them, so a task's memory stays bounded.
 */
final class WindowPairs implements Iterator<Tuple2<Long, Double>> {
    /** Distinct pairs a task sums before handing them to the shuffle. */
    static final int FLUSH_PAIRS = 1 << 21;

    private final Iterator<String[]> sentences;
    private final Vocabulary vocabulary;
    private final int window;
    private final long v;
    private final PairCounts counts = new PairCounts(1 << 16);
    private final List<Tuple2<Long, Double>> ready = new ArrayList<>();
    private int next;
    private int[] ids = new int[1024];

    WindowPairs(Iterator<String[]> sentences, Vocabulary vocabulary, int window) {
        this.sentences = sentences;
        this.vocabulary = vocabulary;
        this.window = window;
        this.v = vocabulary.size();
    }

    @Override
    public boolean hasNext() {
        while (next == ready.size()) {
            ready.clear();
            next = 0;
            if (!sentences.hasNext() && counts.size() == 0) {
                return false;
            }
            while (sentences.hasNext() && counts.size() < FLUSH_PAIRS) {
                add(sentences.next());
            }
            for (int i = 0; i < counts.slots(); i++) {
                if (counts.key(i) >= 0) {
                    ready.add(new Tuple2<>(counts.key(i), counts.sum(i)));
                }
            }
            counts.clear();
        }
        return true;
    }

    @Override
    public Tuple2<Long, Double> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.get(next++);
    }

    private void add(String[] sentence) {
        if (ids.length < sentence.length) {
            ids = new int[sentence.length];
        }
        int n = vocabulary.encode(Arrays.asList(sentence), ids, 0);
        for (int j = 1; j < n; j++) {
            int b = ids[j];
            for (int i = j - 1, d = 1; i >= 0 && d <= window; i--, d++) {
                int a = ids[i];
                double x = 1.0f / d;
                counts.add(a * v + b, x);
                counts.add(b * v + a, x);
            }
        }
    }
}
