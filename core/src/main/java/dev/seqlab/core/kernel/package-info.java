/**
 * Float32 kernels sequence models live on. Every SIMD kernel, here or in other modules, uses the
 * one float species {@link dev.seqlab.core.kernel.VectorShapes#FLOATS}.
 *
 * <ul>
 *   <li>{@link dev.seqlab.core.kernel.Blas}: GEMM (all transpose combinations, alpha/beta), GEMV,
 *       dot, axpy over row-major arrays with offsets and leading dimensions.
 *       {@link dev.seqlab.core.kernel.PlainBlas} is the plain-Java reference; a packed,
 *       register-tiled SIMD implementation on {@code jdk.incubator.vector} is used when the JVM runs
 *       with {@code --add-modules jdk.incubator.vector}. {@link dev.seqlab.core.kernel.Kernels}
 *       chooses at run time ({@code -Dseqlab.kernels=plain|vector} forces it), once for every
 *       kernel family ({@link dev.seqlab.core.kernel.Kernels#select}, queried through
 *       {@link dev.seqlab.core.kernel.Kernels#flavor()}), and runs large GEMMs
 *       on a dedicated daemon pool ({@code -Dseqlab.threads=N}), with results bit-identical for
 *       any thread count.</li>
 *   <li>{@link dev.seqlab.core.kernel.Activations}: sigmoid, tanh, ReLU, their derivatives from
 *       input or output, and backward passes.</li>
 *   <li>{@link dev.seqlab.core.kernel.Softmax}: the one softmax: stable softmax and log-softmax
 *       over rows, masked by visible length, causal, per-row lengths, boolean or additive masks,
 *       with backward passes; and the double-precision softmax at a temperature that samplers
 *       draw from.</li>
 *   <li>{@link dev.seqlab.core.kernel.Reductions}: row/column sums, row max/argmax, sums and sums
 *       of squares in double.</li>
 * </ul>
 */
package dev.seqlab.core.kernel;
