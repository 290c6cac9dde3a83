package dev.seqlab.attention.transformer;

import static dev.seqlab.core.testing.TestTensors.dot;
import static dev.seqlab.core.testing.TestTensors.randomParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seqlab.core.gradcheck.GradientChecker;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransformerBlocksTest {

    @Test
    void layerNormMatchesFiniteDifferencesAndNormalises() {
        SeededRandom rng = new SeededRandom(1);
        LayerNorm ln = new LayerNorm("ln", 6);
        for (Parameter p : ln.parameters()) {
            for (int i = 0; i < p.size(); i++) {
                p.value().data()[i] += (float) (0.3 * rng.nextGaussian());
            }
        }
        Parameter x = randomParameter("x", rng, 4 * 6);
        float[] w = randomParameter("w", rng, 24).value().data();
        List<Parameter> checked = new ArrayList<>(ln.parameters().list());
        checked.add(x);
        Parameters all = new Parameters();
        checked.forEach(all::add);
        GradientChecker.check(
                        checked,
                        () -> {
                            float[] y = new float[24];
                            ln.forward(4, x.value().data(), y);
                            return dot(y, w);
                        },
                        () -> {
                            all.zeroGrads();
                            float[] y = new float[24];
                            LayerNorm.Cache c = ln.forward(4, x.value().data(), y);
                            System.arraycopy(ln.backward(c, w), 0, x.grad().data(), 0, 24);
                        },
                        GradientChecker.Options.float32())
                .assertBelow(2e-3);
        LayerNorm plain = new LayerNorm("p", 4);
        float[] y = new float[4];
        plain.forward(1, new float[] {1, 2, 3, 4}, y);
        double var = (2.25 + 0.25 + 0.25 + 2.25) / 4;
        assertEquals((1 - 2.5) / Math.sqrt(var + 1e-6), y[0], 1e-6);
        assertEquals((4 - 2.5) / Math.sqrt(var + 1e-6), y[3], 1e-6);
    }

    @Test
    void positionalEncodingValues() {
        float[] pe = PositionalEncoding.table(50, 8);
        assertEquals(0f, pe[0]);
        assertEquals(1f, pe[1]);
        assertEquals((float) Math.sin(3), pe[3 * 8]);
        assertEquals((float) Math.cos(3), pe[3 * 8 + 1]);
        assertEquals((float) Math.sin(3 / Math.pow(10000, 2 / 8.0)), pe[3 * 8 + 2]);
        assertEquals((float) Math.cos(49 / Math.pow(10000, 6 / 8.0)), pe[49 * 8 + 7]);
    }

    @ParameterizedTest(name = "self={0} causal={1} padded={2}")
    @CsvSource({"true, false, false", "true, true, true", "false, false, true"})
    void multiHeadAttentionMatchesFiniteDifferences(boolean self, boolean causal, boolean padded) {
        SeededRandom rng = new SeededRandom(3);
        int batch = 2;
        int tq = 4;
        int tk = self ? 4 : 5;
        int d = 6;
        MultiHeadAttention mha = new MultiHeadAttention("mha", d, 2, rng);
        Parameter xq = randomParameter("xq", rng, batch * tq * d);
        Parameter xkv = self ? xq : randomParameter("xkv", rng, batch * tk * d);
        int[] lengths = padded ? new int[] {tk, 2} : null;
        float[] w = randomParameter("w", rng, batch * tq * d).value().data();
        List<Parameter> checked = new ArrayList<>(mha.parameters().list());
        checked.add(xq);
        if (!self) {
            checked.add(xkv);
        }
        Parameters all = new Parameters();
        checked.forEach(all::add);
        GradientChecker.check(
                        checked,
                        () -> {
                            MultiHeadAttention.Result r = mha.forward(
                                    xq.value().data(), tq, xkv.value().data(), tk, batch, lengths, causal);
                            return dot(r.out(), w);
                        },
                        () -> {
                            all.zeroGrads();
                            MultiHeadAttention.Result r = mha.forward(
                                    xq.value().data(), tq, xkv.value().data(), tk, batch, lengths, causal);
                            float[][] g = mha.backward(r.cache(), w);
                            for (int i = 0; i < g[0].length; i++) {
                                xq.grad().data()[i] += g[0][i];
                            }
                            for (int i = 0; i < g[1].length; i++) {
                                xkv.grad().data()[i] += g[1][i];
                            }
                        },
                        GradientChecker.Options.float32())
                .assertBelow(2e-3);
        // masks: weights are distributions over visible keys only
        MultiHeadAttention.Result r =
                mha.forward(xq.value().data(), tq, xkv.value().data(), tk, batch, lengths, causal);
        for (int row = 0; row < batch * 2 * tq; row++) {
            int b = row / (2 * tq);
            int i = row % tq;
            double sum = 0;
            for (int j = 0; j < tk; j++) {
                float p = r.weights()[row * tk + j];
                boolean visible = j < (lengths == null ? tk : lengths[b]) && (!causal || j <= i);
                if (!visible) {
                    assertEquals(0f, p);
                }
                sum += p;
            }
            assertEquals(1.0, sum, 1e-5);
        }
        assertThrows(IllegalArgumentException.class, () -> new MultiHeadAttention("x", 6, 4, rng));
    }
}
