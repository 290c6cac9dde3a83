package dev.seqlab.embeddings.ann;

import java.nio.ByteBuffer;

/** {@link DotKernel} in plain Java: four independent partial sums, for instruction-level parallelism. */
final class PlainDotKernel implements DotKernel {

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public float dot(float[] x, ByteBuffer rows, int at, int dim) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int k = 0;
        for (; k + 4 <= dim; k += 4) {
            int b = at + 4 * k;
            s0 += x[k] * rows.getFloat(b);
            s1 += x[k + 1] * rows.getFloat(b + 4);
            s2 += x[k + 2] * rows.getFloat(b + 8);
            s3 += x[k + 3] * rows.getFloat(b + 12);
        }
        for (; k < dim; k++) {
            s0 += x[k] * rows.getFloat(at + 4 * k);
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public float dotBytes(float[] x, ByteBuffer codes, int at, int dim) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int k = 0;
        for (; k + 4 <= dim; k += 4) {
            int b = at + k;
            s0 += x[k] * codes.get(b);
            s1 += x[k + 1] * codes.get(b + 1);
            s2 += x[k + 2] * codes.get(b + 2);
            s3 += x[k + 3] * codes.get(b + 3);
        }
        for (; k < dim; k++) {
            s0 += x[k] * codes.get(at + k);
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public void dotRecords(float[] x, ByteBuffer codes, int at, int stride, int count, float[] out, int outAt) {
        for (int i = 0; i < count; i++, at += stride) {
            out[outAt + i] = codes.getFloat(at) * dotBytes(x, codes, at + 4, x.length);
        }
    }
}
