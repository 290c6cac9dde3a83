package dev.seqlab.core.kernel;

/** {@link Elementwise} with the JDK's scalar {@code Math.exp} and {@code Math.tanh}. */
final class PlainElementwise implements Elementwise {

    @Override
    public void sigmoid(int n, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Activations.sigmoid(x[xOff + i]);
        }
    }

    @Override
    public void tanh(int n, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (float) Math.tanh(x[xOff + i]);
        }
    }

    @Override
    public String name() {
        return "plain";
    }
}
