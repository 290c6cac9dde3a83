package dev.seqlab.embeddings.glove;

import java.io.IOException;

/** A stream of (pair key, amount) entries in increasing key order, read by the run merge. */
interface PairSource {

    /** Moves to the next entry; false at the end. */
    boolean advance() throws IOException;

    /** The current entry's key, {@code a * V + b}. */
    long key();

    /** The current entry's amount. */
    double amount();
}
