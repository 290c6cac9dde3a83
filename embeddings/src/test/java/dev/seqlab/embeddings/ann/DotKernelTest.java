package dev.seqlab.embeddings.ann;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seqlab.core.random.SeededRandom;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Both distance kernels agree with a double-precision dot product, at any offset and length. */
class DotKernelTest {

    @Test
    void plainAndChosenKernelsComputeTheDotProduct() {
        SeededRandom rng = new SeededRandom(3);
        for (int dim : new int[] {1, 3, 7, 8, 15, 16, 17, 100, 300, 301}) {
            float[] x = new float[dim];
            ByteBuffer rows = ByteBuffer.allocateDirect(4 * (2 * dim + 1)).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < dim; k++) {
                x[k] = (float) rng.nextGaussian();
            }
            for (int k = 0; k < 2 * dim + 1; k++) {
                rows.putFloat(4 * k, (float) rng.nextGaussian());
            }
            int at = 4 * (dim + 1);
            double expected = 0;
            double scale = 0;
            for (int k = 0; k < dim; k++) {
                expected += (double) x[k] * rows.getFloat(at + 4 * k);
                scale += Math.abs((double) x[k] * rows.getFloat(at + 4 * k));
            }
            for (DotKernel kernel : new DotKernel[] {new PlainDotKernel(), DotKernels.KERNEL}) {
                assertEquals(expected, kernel.dot(x, rows, at, dim), 1e-5 * scale, kernel.name() + " dim " + dim);
            }
        }
    }

    @Test
    void plainAndChosenKernelsComputeTheDotProductWithBytes() {
        SeededRandom rng = new SeededRandom(5);
        for (int dim : new int[] {1, 3, 7, 8, 15, 16, 17, 100, 300, 301}) {
            float[] x = new float[dim];
            ByteBuffer codes = ByteBuffer.allocate(2 * dim + 3);
            for (int k = 0; k < dim; k++) {
                x[k] = (float) rng.nextGaussian();
            }
            for (int k = 0; k < codes.capacity(); k++) {
                codes.put(k, (byte) (rng.nextInt(255) - 127));
            }
            int at = dim + 3;
            double expected = 0;
            double scale = 0;
            for (int k = 0; k < dim; k++) {
                expected += (double) x[k] * codes.get(at + k);
                scale += Math.abs((double) x[k] * codes.get(at + k));
            }
            for (DotKernel kernel : new DotKernel[] {new PlainDotKernel(), DotKernels.KERNEL}) {
                assertEquals(expected, kernel.dotBytes(x, codes, at, dim), 1e-5 * scale, kernel.name() + " dim " + dim);
            }
        }
    }

    @Test
    void plainAndChosenKernelsScoreRunsOfRecords() {
        SeededRandom rng = new SeededRandom(7);
        for (int dim : new int[] {1, 7, 16, 17, 100, 300, 304}) {
            int stride = RowCodes.stride(dim);
            for (int len : new int[] {dim, Math.min(stride - 4, (dim + 15) / 16 * 16)}) {
                float[] x = new float[len];
                for (int k = 0; k < dim; k++) {
                    x[k] = (float) rng.nextGaussian();
                }
                for (int count : new int[] {0, 1, 3, 4, 5, 9}) {
                    int at = 2 * stride;
                    ByteBuffer codes = ByteBuffer.allocate(at + count * stride).order(ByteOrder.LITTLE_ENDIAN);
                    for (int k = 0; k < codes.capacity(); k++) {
                        codes.put(k, (byte) (rng.nextInt(255) - 127));
                    }
                    for (int i = 0; i < count; i++) {
                        codes.putFloat(at + i * stride, (float) (0.01 + rng.nextDouble()));
                    }
                    for (DotKernel kernel : new DotKernel[] {new PlainDotKernel(), DotKernels.KERNEL}) {
                        float[] out = new float[count + 2];
                        kernel.dotRecords(x, codes, at, stride, count, out, 2);
                        for (int i = 0; i < count; i++) {
                            int r = at + i * stride;
                            double expected = 0;
                            double scale = 0;
                            for (int k = 0; k < len; k++) {
                                expected += (double) x[k] * codes.get(r + 4 + k);
                                scale += Math.abs((double) x[k] * codes.get(r + 4 + k));
                            }
                            expected *= codes.getFloat(r);
                            scale *= codes.getFloat(r);
                            assertEquals(
                                    expected,
                                    out[2 + i],
                                    1e-5 * scale + 1e-30,
                                    kernel.name() + " dim " + dim + " length " + len + " record " + i + " of " + count);
                        }
                        assertEquals(0f, out[0]);
                        assertEquals(0f, out[1]);
                    }
                }
            }
        }
    }
}
