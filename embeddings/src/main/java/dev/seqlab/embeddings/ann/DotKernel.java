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

    /**
     * The lanes of this kernel's vectors (1 for plain Java): a query padded with zeros to a
     * multiple of this many components is scanned with no scalar tail.
     */
    int lanes();

    /**
     * The scaled int8 dot products of {@code x} with {@code count} consecutive records of
     * {@code stride} bytes from byte {@code at}, each {@code [float32 scale][int8 code...]}:
     * {@code out[outAt + i] = scale_i · Σ_{k < x.length} x[k] · code_i[k]}. The SIMD kernel scores four
     * records at a time, sharing each load of {@code x} and keeping four independent sums.
     *
     * @param x     the query, zero past its dimension (so the padding's codes do not count); the
     *              caller makes sure {@code 4 + x.length ≤ stride}
     * @param codes the records, read with absolute gets only
     */
    void dotRecords(float[] x, ByteBuffer codes, int at, int stride, int count, float[] out, int outAt);
}
