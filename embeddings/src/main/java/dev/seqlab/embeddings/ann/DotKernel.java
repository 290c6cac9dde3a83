package dev.seqlab.embeddings.ann;

import java.nio.ByteBuffer;

/**
 * The one distance kernel of the approximate search: the dot product of a query held in a float
 * array with a row of little-endian float32 read in place from a (mapped) byte buffer, so no row
 * is copied. A plain-Java and a SIMD implementation exist; {@link DotKernels#KERNEL} is the one
 * this JVM runs.
 */
interface DotKernel {

    /** "plain" or "vector". */
    String name();

    /**
     * {@code Σ x[k] · rows.getFloat(at + 4k)} for {@code k < dim}.
     *
     * @param x    the query, at least {@code dim} long
     * @param rows little-endian floats, read with absolute gets only
     * @param at   the byte offset of the row in {@code rows}
     * @param dim  the number of components
     */
    float dot(float[] x, ByteBuffer rows, int at, int dim);

    /**
     * {@code Σ x[k] · codes.get(at + k)} for {@code k < dim}: the dot product with a row of int8
     * codes.
     *
     * @param x     the query, at least {@code dim} long
     * @param codes signed bytes, read with absolute gets only
     * @param at    the byte offset of the row's first code
     * @param dim   the number of components
     */
    float dotBytes(float[] x, ByteBuffer codes, int at, int dim);
}
