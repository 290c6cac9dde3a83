package dev.seqlab.embeddings.fasttext;

import dev.seqlab.embeddings.store.WordTable;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A fastText dictionary as its {@code .bin} stores it: entries in id order (the words, then the
 * labels of a supervised model), each with its count and type, the number of tokens trained on,
 * and the n-gram pruning map of a quantised model ({@code pruneidx}: bucket index to row offset;
 * null when the model was not pruned). Immutable; arrays given to the constructor are taken over.
 */
public final class FastTextDictionary {
    /** The entry type of a word. */
    public static final byte WORD = 0;
    /** The entry type of a label ({@code __label__...}) of a supervised model. */
    public static final byte LABEL = 1;

    private final String[] words;
    private final long[] counts;
    private final byte[] types;
    private final WordTable table;
    private final int nwords;
    private final long ntokens;
    private final Map<Integer, Integer> pruneIndex;

    /**
     * A dictionary of {@code words} (words first, then labels) with their {@code counts} and
     * {@code types} ({@link #WORD} or {@link #LABEL}).
     *
     * @param pruneIndex the bucket-to-row map of a pruned (quantised) model, or null if not pruned
     * @throws IllegalArgumentException if the arrays differ in length, a type is unknown, a word
     *                                  follows a label, a count is negative, or a word repeats
     */
    public FastTextDictionary(
            String[] words, long[] counts, byte[] types, long ntokens, Map<Integer, Integer> pruneIndex) {
        if (counts.length != words.length || types.length != words.length) {
            throw new IllegalArgumentException(words.length + " words, " + counts.length + " counts and " + types.length
                    + " types: they must agree");
        }
        int n = 0;
        for (int i = 0; i < words.length; i++) {
            if (words[i] == null) {
                throw new IllegalArgumentException("entry " + i + " has no word");
            }
            if (counts[i] < 0) {
                throw new IllegalArgumentException("entry " + i + " ('" + words[i] + "') has count " + counts[i]);
            }
            if (types[i] == WORD) {
                if (n != i) {
                    throw new IllegalArgumentException("entry " + i + " ('" + words[i] + "') is a word after a label");
                }
                n++;
            } else if (types[i] != LABEL) {
                throw new IllegalArgumentException(
                        "entry " + i + " ('" + words[i] + "') has unknown type " + types[i] + " (0 word, 1 label)");
            }
        }
        if (ntokens < 0) {
            throw new IllegalArgumentException("ntokens must be 0 or positive, got " + ntokens);
        }
        this.words = words;
        this.counts = counts;
        this.types = types;
        this.nwords = n;
        this.ntokens = ntokens;
        this.pruneIndex = pruneIndex == null ? null : Collections.unmodifiableMap(pruneIndex);
        this.table = WordTable.of(words, words.length);
    }

    /** A dictionary of words only (no labels, not pruned), as unsupervised training makes it. */
    public static FastTextDictionary ofWords(List<String> words, long[] counts, long ntokens) {
        byte[] types = new byte[words.size()];
        Arrays.fill(types, WORD);
        return new FastTextDictionary(words.toArray(new String[0]), counts, types, ntokens, null);
    }

    /** The number of entries (words and labels). */
    public int size() {
        return words.length;
    }

    /** The number of words (ids {@code 0..nwords-1}). */
    public int nwords() {
        return nwords;
    }

    /** The number of labels (ids after the words). */
    public int nlabels() {
        return words.length - nwords;
    }

    /** The number of tokens the model was trained on. */
    public long ntokens() {
        return ntokens;
    }

    /** The word (or label) of id {@code i}. */
    public String word(int i) {
        return words[i];
    }

    /** The count of id {@code i}. */
    public long count(int i) {
        return counts[i];
    }

    /** The type of id {@code i}: {@link #WORD} or {@link #LABEL}. */
    public byte type(int i) {
        return types[i];
    }

    /** The id of {@code word} (a word or a label), or -1 when it is not in the dictionary. */
    public int id(String word) {
        return table.indexOf(word);
    }

    /** All entries in id order (immutable). */
    public List<String> entries() {
        return table.asList();
    }

    /** The words (not labels) in id order (immutable). */
    public List<String> words() {
        return table.asList().subList(0, nwords);
    }

    /** The entries as a word table (words and labels). */
    WordTable table() {
        return table;
    }

    /** The bucket-to-row map of a pruned model (unmodifiable), or null when not pruned. */
    public Map<Integer, Integer> pruneIndex() {
        return pruneIndex;
    }
}
