package dev.seqlab.embeddings.store;

/** {@link FloatRows} mapped from a file, one row after the other (a seqlab file's matrix section). */
final class MappedFloatRows extends StagedRows {
    private final MappedRegion region;

    /** The first {@code rows} rows of {@code region}, whose granule is one row ({@code 4·dim} bytes). */
    MappedFloatRows(MappedRegion region, int rows, int dim) {
        super(rows, dim);
        this.region = region;
    }

    @Override
    public void copyRows(int from, int count, float[] dst, int off) {
        region.getFloats(4L * from * dim, dst, off, count * dim);
    }
}
