package dev.seqlab.embeddings.store;

import java.util.Arrays;
import java.util.List;

/** {@link WordTable} as a String array and a {@link StringSlots} index from word to row. */
final class HeapWordTable implements WordTable {
    private final String[] words;
    private final int size;
    private final List<String> list;
    private final StringSlots index;

    HeapWordTable(String[] words, int size) {
        this.words = words;
        this.size = size;
        this.list = List.of(Arrays.copyOf(words, size));
        this.index = new StringSlots(words, size);
        for (int i = 0; i < size; i++) {
            int first = index.putIfAbsent(i);
            if (first >= 0) {
                throw new IllegalArgumentException(
                        "word '" + words[i] + "' occurs twice (rows " + (first + 1) + " and " + (i + 1) + ")");
            }
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String word(int i) {
        return words[i];
    }

    @Override
    public int indexOf(String word) {
        return index.indexOf(word);
    }

    @Override
    public List<String> asList() {
        return list;
    }

    @Override
    public String[] asArray() {
        return words;
    }
}
