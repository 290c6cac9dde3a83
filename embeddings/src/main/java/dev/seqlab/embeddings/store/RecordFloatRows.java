package dev.seqlab.embeddings.store;

/**
 * {@link FloatRows} read in place from a mapped file of variable-length records: row i is the
 * {@code dim} little-endian floats at byte {@code vectorAt(i)}, aligned or not (a word2vec binary
 * file, where each vector follows its word).
 */
final class RecordFloatRows extends StagedRows {
    private final RecordMapping file;
    private final RecordOffsets offsets;

    RecordFloatRows(RecordMapping file, RecordOffsets offsets, int dim) {
        super(offsets.size(), dim);
        this.file = file;
        this.offsets = offsets;
    }

    @Override
    public void copyRows(int from, int count, float[] dst, int off) {
        for (int r = from; r < from + count; r++, off += dim) {
            file.getFloats(offsets.vectorAt(r), dst, off, dim);
        }
    }
}
