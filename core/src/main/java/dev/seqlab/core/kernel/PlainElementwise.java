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
    public float max(int n, float[] x, int xOff) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, x[xOff + j]);
        }
        return max;
    }

    /** Each term is {@code exp} in double of the exact difference, rounded to float once. */
    @Override
    public double expShifted(int n, float[] x, int xOff, float shift, float[] y, int yOff) {
        double sum = 0.0;
        if (y == null) {
            for (int j = 0; j < n; j++) {
                sum += Math.exp((double) x[xOff + j] - shift);
            }
        } else {
            for (int j = 0; j < n; j++) {
                float e = (float) Math.exp((double) x[xOff + j] - shift);
                y[yOff + j] = e;
                sum += e;
            }
        }
        return sum;
    }

    @Override
    public String name() {
        return "plain";
    }
}
