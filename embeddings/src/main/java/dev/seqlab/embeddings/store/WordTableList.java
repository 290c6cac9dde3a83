package dev.seqlab.embeddings.store;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A {@link WordTable}'s words as an immutable list view, each word decoded on access: the
 * {@link WordTable#asList()} of the tables that keep their words as bytes.
 */
final class WordTableList extends AbstractList<String> implements RandomAccess {
    private final WordTable table;

    WordTableList(WordTable table) {
        this.table = table;
    }

    @Override
    public String get(int index) {
        int size = table.size();
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("word " + index + " of " + size);
        }
        return table.word(index);
    }

    @Override
    public int size() {
        return table.size();
    }
}
