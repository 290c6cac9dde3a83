package dev.seqlab.core.init;

import java.util.Arrays;

/**
 * Fan-in and fan-out of a weight tensor. Weights are stored {@code [out, in, k…]} (the ONNX and
 * PyTorch layout: a dense layer's W maps {@code in} inputs to {@code out} outputs), so
 * fan-in = in·k…, fan-out = out·k…; a vector {@code [n]} has fan-in = fan-out = n.
 *
 * @param fanIn  inputs feeding each output unit
 * @param fanOut outputs each input unit feeds
 */
public record Fans(int fanIn, int fanOut) {

    /** Validates both fans. */
    public Fans {
        if (fanIn <= 0 || fanOut <= 0) {
            throw new IllegalArgumentException("fans must be positive, got in=" + fanIn + " out=" + fanOut);
        }
    }

    /** The fans of a tensor of this shape under the {@code [out, in, k…]} convention. */
    public static Fans of(int[] shape) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("a scalar has no fan-in or fan-out");
        }
        if (shape.length == 1) {
            return new Fans(shape[0], shape[0]);
        }
        int receptive = 1;
        for (int i = 2; i < shape.length; i++) {
            receptive *= shape[i];
        }
        if (shape[0] == 0 || shape[1] == 0 || receptive == 0) {
            throw new IllegalArgumentException("cannot compute fans of empty shape " + Arrays.toString(shape));
        }
        return new Fans(shape[1] * receptive, shape[0] * receptive);
    }
}
