package dev.seqlab.embeddings.store;

import java.nio.file.Path;
import java.util.List;

/** The vocabulary: the word of each row and the row of each word, in the heap or mapped from a file. */
public interface WordTable {

    /**
     * The first {@code size} words of {@code words} (the array is taken over, not copied).
     *
     * @throws IllegalArgumentException if a word occurs twice
     */
    static WordTable of(String[] words, int size) {
        return new HeapWordTable(words, size);
    }

    /**
     * The first {@code size} words of a table mapped from {@code file} (named in errors): int64
     * {@code offsets} into the UTF-8 {@code bytes}, one more than the words, and the {@link WordHash}
     * {@code slots}.
     */
    static WordTable mapped(Path file, MappedRegion offsets, MappedRegion bytes, MappedRegion slots, int size) {
        return new MappedWordTable(file, offsets, bytes, slots, size);
    }

    /** The number of words. */
    int size();

    /** The word of row {@code i}. */
    String word(int i);

    /** The row of {@code word}, or -1 when it is not in the vocabulary. */
    int indexOf(String word);

    /** The words in row order as an immutable list (for a mapped table, a view decoding on access). */
    List<String> asList();

    /** The words in row order as an array: the backing array for a heap table (do not change it), else a new one. */
    String[] asArray();
}
