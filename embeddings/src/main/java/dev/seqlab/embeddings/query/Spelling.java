package dev.seqlab.embeddings.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Suggests known words for a misspelt one: the vocabulary words at the smallest
 * Damerau–Levenshtein (optimal string alignment) distance, at most 1 for words up to 4
 * characters, 2 up to 8, 3 beyond; a word differing only in case counts as distance 0.
 * Ties keep vocabulary order (the more frequent word first in frequency-sorted files).
 */
public final class Spelling {

    private Spelling() {}

    /** Up to {@code max} known words spelled closest to {@code word}, best first. */
    public static List<String> suggest(String word, List<String> vocabulary, int max) {
        String target = word.toLowerCase(Locale.ROOT);
        int limit = target.length() <= 4 ? 1 : target.length() <= 8 ? 2 : 3;
        List<int[]> found = new ArrayList<>(); // {distance, index}
        int best = limit;
        for (int i = 0; i < vocabulary.size(); i++) {
            String w = vocabulary.get(i);
            if (Math.abs(w.length() - target.length()) > best) {
                continue;
            }
            int d = distance(target, w.toLowerCase(Locale.ROOT), best);
            if (d <= best) {
                found.add(new int[] {d, i});
            }
        }
        found.sort(Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> a[1]));
        List<String> out = new ArrayList<>();
        for (int[] f : found) {
            if (out.size() == max) {
                break;
            }
            String w = vocabulary.get(f[1]);
            if (!w.equals(word)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The optimal-string-alignment distance between {@code a} and {@code b}, or a value above
     * {@code bound} as soon as it must exceed it.
     */
    static int distance(String a, String b, int bound) {
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > bound) {
                return bound + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
