package dev.seqlab.embeddings.ann;

import java.util.Arrays;

/** Nodes seen by one search, cleared in constant time by bumping a generation number. */
final class VisitedSet {
    private final int[] marks;
    private int generation;

    VisitedSet(int nodes) {
        this.marks = new int[nodes];
    }

    /** Starts a new search: nothing is visited. */
    void clear() {
        generation++;
        if (generation == Integer.MAX_VALUE) {
            Arrays.fill(marks, 0);
            generation = 1;
        }
    }

    /** Marks {@code node}; true when it was not yet visited in this search. */
    boolean visit(int node) {
        if (marks[node] == generation) {
            return false;
        }
        marks[node] = generation;
        return true;
    }
}
