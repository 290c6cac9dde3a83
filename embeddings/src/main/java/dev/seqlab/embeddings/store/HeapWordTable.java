package dev.seqlab.embeddings.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link WordTable} as a String array and a hash map from word to row. */
final class HeapWordTable implements WordTable {
    private final String[] words;
    private final int size;
    private final List<String> list;
    private final Map<String, Integer> index;

    HeapWordTable(String[] words, int size) {
        this.words = words;
        this.size = size;
        this.list = List.of(Arrays.copyOf(words, size));
        this.index = new HashMap<>(Math.max(16, (int) (size / 0.7)));
        for (int i = 0; i < size; i++) {
            if (index.putIfAbsent(words[i], i) != null) {
                throw new IllegalArgumentException("word '" + words[i] + "' occurs twice (rows "
                        + (index.get(words[i]) + 1) + " and " + (i + 1) + ")");
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
        Integer i = index.get(word);
        return i == null ? -1 : i;
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
