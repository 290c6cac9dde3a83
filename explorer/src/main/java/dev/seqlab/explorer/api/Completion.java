package dev.seqlab.explorer.api;

import dev.seqlab.embeddings.WordVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prefix completion over the vocabulary: the words that start with a prefix, in vocabulary order
 * (the most frequent first in frequency-sorted files). A sorted copy of the words finds how many
 * match; few matches are ranked from it, many by scanning the vocabulary in order, which then
 * stops early.
 */
final class Completion {
    private static final int RANK_FROM_SORTED = 4096;

    private final WordVectors vectors;
    private final String[] sorted;

    Completion(WordVectors vectors) {
        this.vectors = vectors;
        this.sorted = vectors.words().toArray(new String[0]);
        Arrays.sort(sorted);
    }

    /** Up to {@code max} words starting with {@code prefix}, in vocabulary order. */
    List<String> complete(String prefix, int max) {
        int from = lowerBound(prefix);
        int to = from;
        while (to < sorted.length && to - from <= RANK_FROM_SORTED && sorted[to].startsWith(prefix)) {
            to++;
        }
        List<String> out = new ArrayList<>();
        if (to - from <= RANK_FROM_SORTED) {
            int[] rows = new int[to - from];
            for (int i = from; i < to; i++) {
                rows[i - from] = vectors.indexOf(sorted[i]);
            }
            Arrays.sort(rows);
            for (int i = 0; i < rows.length && out.size() < max; i++) {
                out.add(vectors.word(rows[i]));
            }
            return out;
        }
        List<String> words = vectors.words();
        for (int i = 0; i < words.size() && out.size() < max; i++) {
            if (words.get(i).startsWith(prefix)) {
                out.add(words.get(i));
            }
        }
        return out;
    }

    private int lowerBound(String prefix) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].compareTo(prefix) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
