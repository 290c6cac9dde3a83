/**
 * Float32 kernels: {@link dev.seqlab.core.kernel.Blas} (GEMM, GEMV, dot, axpy) with a plain-Java
 * implementation and, when the JVM runs with {@code --add-modules jdk.incubator.vector} and it
 * measures faster, a SIMD one; {@link dev.seqlab.core.kernel.Kernels} picks at run time.
 */
package dev.seqlab.core.kernel;
