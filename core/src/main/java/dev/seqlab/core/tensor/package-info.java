/**
 * {@link dev.seqlab.core.tensor.Tensor}: a dense, row-major float32 array with a checked shape.
 * Kernels work on the raw {@code float[]} with offsets and leading dimensions; tensors carry
 * the shape so that mistakes surface as clear exceptions rather than wrong numbers.
 */
package dev.seqlab.core.tensor;
