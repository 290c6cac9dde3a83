package dev.seqlab.embeddings.word2vec;

/** {@link Word2VecKernel} in plain Java, for JVMs without the Vector API. */
final class PlainWord2VecKernel implements Word2VecKernel {
    @Override
    public int lanes() {
        return 4;
    }

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        for (int i = 0; i < n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void dots(float[] in, int io, float[] table, int[] rows, int count, float[] out, int n) {
        for (int k = 0; k < count; k++) {
            out[k] = dot(in, io, table, rows[k], n);
        }
    }

    @Override
    public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) {
            y[yo + i] += alpha * x[xo + i];
        }
    }

    @Override
    public void update(float g, float[] in, int io, float[] out, int oo, float[] acc, int n) {
        for (int i = 0; i < n; i++) {
            float o = out[oo + i];
            acc[i] += g * o;
            out[oo + i] = o + g * in[io + i];
        }
    }

    @Override
    public void updates(float[] g, float[] in, int io, float[] table, int[] rows, int count, float[] acc, int n) {
        for (int k = 0; k < count; k++) {
            update(g[k], in, io, table, rows[k], acc, n);
        }
    }

    @Override
    public void sumRows(float s, float[] table, int[] rows, int count, float[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            float sum = 0f;
            for (int k = 0; k < count; k++) {
                sum += table[rows[k] + i];
            }
            out[oo + i] = s * sum;
        }
    }

    @Override
    public void addRows(float[] a, float[] x, int[] xRows, int count, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) {
            float v = y[yo + i];
            for (int k = 0; k < count; k++) {
                v += a[k] * x[xRows[k] + i];
            }
            y[yo + i] = v;
        }
    }

    @Override
    public void scale(float s, float[] x, int n) {
        for (int i = 0; i < n; i++) {
            x[i] *= s;
        }
    }
}
