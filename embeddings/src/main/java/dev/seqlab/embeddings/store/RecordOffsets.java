package dev.seqlab.embeddings.store;

/**
 * Where each word's record is in a file of variable-length records (a word2vec binary file): the
 * word's UTF-8 bytes at {@code wordAt(i)}, {@code wordLength(i)} long, then one separator byte,
 * then its vector. Twelve bytes a row, in the heap.
 */
public final class RecordOffsets {
    private final long[] starts;
    private final int[] lengths;
    private final int size;

    /** The first {@code size} entries of the arrays (taken over, not copied). */
    public RecordOffsets(long[] starts, int[] lengths, int size) {
        if (size < 0 || size > starts.length || size > lengths.length) {
            throw new IllegalArgumentException(
                    size + " records for " + starts.length + " starts and " + lengths.length + " lengths");
        }
        this.starts = starts;
        this.lengths = lengths;
        this.size = size;
    }

    /** The number of records. */
    public int size() {
        return size;
    }

    /** The byte where word {@code i} starts. */
    public long wordAt(int i) {
        return starts[i];
    }

    /** The length in bytes of word {@code i}. */
    public int wordLength(int i) {
        return lengths[i];
    }

    /** The byte where the vector of word {@code i} starts (after the word and its separator). */
    public long vectorAt(int i) {
        return starts[i] + lengths[i] + 1;
    }
}
