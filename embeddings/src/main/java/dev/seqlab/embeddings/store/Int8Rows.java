package dev.seqlab.embeddings.store;

/**
 * The int8 first-pass copy of the unit rows: row {@code i}'s unit vector is about
 * {@code scales(i)·codes(i)}, at most {@code errors(i)} away (Euclidean); see
 * {@code dev.seqlab.embeddings.query.QuantizedRows}.
 *
 * @param codes  the codes in the block layout of {@link dev.seqlab.core.kernel.Int8BlockDots}
 * @param scales one scale per row
 * @param errors one error bound per row (NaN for a zero row)
 */
public record Int8Rows(BlockCodes codes, Floats scales, Floats errors) {}
