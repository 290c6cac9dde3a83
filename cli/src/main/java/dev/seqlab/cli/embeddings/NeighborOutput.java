package dev.seqlab.cli.embeddings;

import dev.seqlab.cli.TextTable;
import dev.seqlab.embeddings.Neighbor;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints a ranked list of words as a table for people (the JSON shapes are {@code AnswerDocuments}). */
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

    /** Checks a {@code --top} value. */
    static int checkTop(int top) {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        return top;
    }
}
