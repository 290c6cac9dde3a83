package dev.seqlab.embeddings.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spelling suggestions for a word that is not in the vocabulary: other casings of it first, then
 * the words at the smallest edit distance (insertions, deletions, substitutions and swaps of
 * adjacent letters; at most 2), earlier vocabulary words (usually the more frequent) winning ties.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * Up to {@code max} words of {@code vocabulary} close to {@code word}.
     *
     * @param vocabulary the words in row order (frequent first in GloVe and word2vec files)
     */
    public static List<String> closest(String word, List<String> vocabulary, int max) {
        List<String> out = new ArrayList<>();
        String lower = word.toLowerCase(Locale.ROOT);
        List<List<String>> byDistance = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String v : vocabulary) {
            if (v.equals(word)) {
                continue;
            }
            if (v.toLowerCase(Locale.ROOT).equals(lower)) {
                out.add(v);
                continue;
            }
            int d = distance(word, v, 2);
            if (d <= 2 && byDistance.get(d).size() < max) {
                byDistance.get(d).add(v);
            }
        }
        for (List<String> level : byDistance) {
            out.addAll(level);
        }
        return out.size() > max ? List.copyOf(out.subList(0, max)) : List.copyOf(out);
    }

    /**
     * The optimal-string-alignment distance between {@code a} and {@code b}, or {@code limit + 1}
     * when it exceeds {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
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
                int d = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, prev2[j - 2] + 1);
                }
                cur[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], limit + 1);
    }
}
