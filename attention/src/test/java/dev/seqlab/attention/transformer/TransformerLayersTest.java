package dev.seqlab.attention.transformer;

import dev.seqlab.core.gradcheck.GradientChecker;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of the encoder and decoder layers on their own, inputs included
 * (step 2e-3: the feed-forward ReLUs have kinks, see TransformerSeq2SeqTest).
 */
class TransformerLayersTest {

    private static Parameter random(String name, SeededRandom rng, int n) {
        Tensor t = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            t.data()[i] = (float) rng.nextGaussian();
        }
        return Parameter.of(name, t);
    }

    private static double dot(float[] x, float[] w) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (double) x[i] * w[i];
        }
        return s;
    }

    @Test
    void encoderLayerWithPadding() {
        SeededRandom rng = new SeededRandom(7);
        int batch = 2;
        int steps = 4;
        int d = 6;
        EncoderLayer layer = new EncoderLayer("enc", d, 2, 8, rng);
        Parameter x = random("x", rng, batch * steps * d);
        float[] w = random("w", rng, batch * steps * d).value().data();
        int[] lengths = {4, 2};
        List<Parameter> checked = new ArrayList<>(layer.parameters().list());
        checked.add(x);
        Parameters all = new Parameters();
        checked.forEach(all::add);
        GradientChecker.check(checked, () -> dot(layer.forward(x.value().data(), steps, batch, lengths).out(), w), () -> {
            all.zeroGrads();
            EncoderLayer.Pass p = layer.forward(x.value().data(), steps, batch, lengths);
            System.arraycopy(layer.backward(p.state(), w), 0, x.grad().data(), 0, x.size());
        }, GradientChecker.Options.float32().withStep(2e-3)).assertBelow(2e-3);
    }

    @Test
    void decoderLayerWithLookAheadAndEncoderPadding() {
        SeededRandom rng = new SeededRandom(8);
        int batch = 2;
        int ty = 3;
        int tx = 5;
        int d = 6;
        DecoderLayer layer = new DecoderLayer("dec", d, 2, 8, rng);
        Parameter y = random("y", rng, batch * ty * d);
        Parameter enc = random("enc", rng, batch * tx * d);
        float[] w = random("w", rng, batch * ty * d).value().data();
        int[] lengths = {5, 3};
        List<Parameter> checked = new ArrayList<>(layer.parameters().list());
        checked.add(y);
        checked.add(enc);
        Parameters all = new Parameters();
        checked.forEach(all::add);
        GradientChecker.check(checked, () -> dot(layer.forward(y.value().data(), ty, enc.value().data(), tx, batch, lengths).out(), w), () -> {
            all.zeroGrads();
            DecoderLayer.Pass p = layer.forward(y.value().data(), ty, enc.value().data(), tx, batch, lengths);
            float[][] g = layer.backward(p.state(), w);
            System.arraycopy(g[0], 0, y.grad().data(), 0, y.size());
            System.arraycopy(g[1], 0, enc.grad().data(), 0, enc.size());
        }, GradientChecker.Options.float32().withStep(2e-3)).assertBelow(2e-3);
    }
}
