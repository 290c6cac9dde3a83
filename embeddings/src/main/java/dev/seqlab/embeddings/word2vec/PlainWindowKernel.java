package dev.seqlab.embeddings.word2vec;

/** {@link WindowKernel} in plain Java, for JVMs without the Vector API. */
final class PlainWindowKernel implements WindowKernel {
    private final Word2VecKernel rows = new PlainWord2VecKernel();

    @Override
    public int lanes() {
        return rows.lanes();
    }

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public void scores(float[] a, int[] aRows, int m, float[] b, int[] bRows, int k, float[] s, int n) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                s[i * k + j] = rows.dot(a, aRows[i], b, bRows[j], n);
            }
        }
    }

    @Override
    public void accumulate(float[] g, int m, int k, float[] b, int[] bRows, float[] c, int[] cRows, int n) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                rows.axpy(g[i * k + j], b, bRows[j], c, cRows[i], n);
            }
        }
    }
}
