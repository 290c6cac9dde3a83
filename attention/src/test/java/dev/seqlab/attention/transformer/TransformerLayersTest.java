package dev.seqlab.attention.transformer;

import static dev.seqlab.core.testing.TestTensors.dot;
import static dev.seqlab.core.testing.TestTensors.randomParameter;

import dev.seqlab.core.gradcheck.GradientChecker;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of the encoder and decoder layers on their own, inputs included
 * (step 2e-3: the feed-forward ReLUs have kinks, see TransformerSeq2SeqTest).
 */
class TransformerLayersTest {

    @Test
    void encoderLayerWithPadding() {
        SeededRandom rng = new SeededRandom(7);
        int batch = 2;
        int steps = 4;
        int d = 6;
        EncoderLayer layer = new EncoderLayer("enc", d, 2, 8, rng);
        Parameter x = randomParameter("x", rng, batch * steps * d);
        float[] w = randomParameter("w", rng, batch * steps * d).value().data();
        int[] lengths = {4, 2};
        List<Parameter> checked = new ArrayList<>(layer.parameters().list());
        checked.add(x);
        Parameters all = new Parameters();
        checked.forEach(all::add);
        GradientChecker.check(
                        checked,
                        () -> dot(
                                layer.forward(x.value().data(), steps, batch, lengths)
                                        .out(),
                                w),
                        () -> {
                            all.zeroGrads();
                            EncoderLayer.Pass p = layer.forward(x.value().data(), steps, batch, lengths);
                            System.arraycopy(
                                    layer.backward(p.state(), w), 0, x.grad().data(), 0, x.size());
                        },
                        GradientChecker.Options.float32().withStep(2e-3))
                .assertBelow(2e-3);
    }

    @Test
    void decoderLayerWithLookAheadAndEncoderPadding() {
        SeededRandom rng = new SeededRandom(8);
        int batch = 2;
        int ty = 3;
        int tx = 5;
        int d = 6;
        DecoderLayer layer = new DecoderLayer("dec", d, 2, 8, rng);
        Parameter y = randomParameter("y", rng, batch * ty * d);
        Parameter enc = randomParameter("enc", rng, batch * tx * d);
        float[] w = randomParameter("w", rng, batch * ty * d).value().data();
        int[] lengths = {5, 3};
        List<Parameter> checked = new ArrayList<>(layer.parameters().list());
        checked.add(y);
        checked.add(enc);
        Parameters all = new Parameters();
        checked.forEach(all::add);
        GradientChecker.check(
                        checked,
                        () -> dot(
                                layer.forward(y.value().data(), ty, enc.value().data(), tx, batch, lengths)
                                        .out(),
                                w),
                        () -> {
                            all.zeroGrads();
                            DecoderLayer.Pass p = layer.forward(
                                    y.value().data(), ty, enc.value().data(), tx, batch, lengths);
                            float[][] g = layer.backward(p.state(), w);
                            System.arraycopy(g[0], 0, y.grad().data(), 0, y.size());
                            System.arraycopy(g[1], 0, enc.grad().data(), 0, enc.size());
                        },
                        GradientChecker.Options.float32().withStep(2e-3))
                .assertBelow(2e-3);
    }
}
