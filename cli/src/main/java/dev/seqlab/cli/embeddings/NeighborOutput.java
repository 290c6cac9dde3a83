package dev.seqlab.cli.embeddings;

import dev.seqlab.cli.TextTable;
import dev.seqlab.embeddings.Neighbor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a ranked list of words: a table for people, and the list shape of the JSON documents. */
final class NeighborOutput {

    private NeighborOutput() {}

    /** A table "rank, word, {@code scoreName}" with scores to four decimals. */
    static void printTable(PrintWriter out, List<Neighbor> neighbors, String scoreName) {
        TextTable t = new TextTable("rank", "word", scoreName);
        int rank = 1;
        for (Neighbor n : neighbors) {
            t.row(rank++, n.word(), String.format(Locale.ROOT, "%.4f", n.score()));
        }
        t.print(out);
    }

    /** The neighbours as JSON objects {@code {"word": …, scoreName: …}} in rank order. */
    static List<Map<String, Object>> toJson(List<Neighbor> neighbors, String scoreName) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Neighbor n : neighbors) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("word", n.word());
            m.put(scoreName, n.score());
            list.add(m);
        }
        return list;
    }

    /** Checks a {@code --top} value. */
    static int checkTop(int top) {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        return top;
    }
}
