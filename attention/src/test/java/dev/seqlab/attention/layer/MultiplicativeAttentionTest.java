package dev.seqlab.attention.layer;

import static dev.seqlab.core.testing.TestTensors.dot;
import static dev.seqlab.core.testing.TestTensors.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seqlab.core.gradcheck.GradientChecker;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultiplicativeAttentionTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gradientsMatchFiniteDifferences(boolean general) {
        SeededRandom rng = new SeededRandom(4);
        int ns = general ? 5 : 3;
        MultiplicativeAttention att =
                general ? MultiplicativeAttention.general("luong", ns, 3, rng) : MultiplicativeAttention.dot(3);
        Parameter a = Parameter.of("a", random(rng, 5, 2, 3));
        Parameter s = Parameter.of("s", random(rng, 2, ns));
        int[] lengths = {5, 3};
        Tensor wc = random(rng, 2, 3);
        Tensor ww = random(rng, 2, 5);
        List<Parameter> checked = new ArrayList<>(att.parameters().list());
        checked.add(a);
        checked.add(s);
        Parameters all = new Parameters();
        checked.forEach(all::add);
        GradientChecker.check(
                        checked,
                        () -> {
                            MultiplicativeAttention.Output o = att.forward(a.value(), s.value(), lengths);
                            return dot(o.context(), wc) + dot(o.weights(), ww);
                        },
                        () -> {
                            all.zeroGrads();
                            MultiplicativeAttention.Output o = att.forward(a.value(), s.value(), lengths);
                            Tensor[] g = att.backward(o, wc, ww);
                            a.grad().copyFrom(g[0]);
                            s.grad().copyFrom(g[1]);
                        },
                        GradientChecker.Options.float32())
                .assertBelow(2e-3);
    }

    @Test
    void dotScoresByHand() {
        // s = (1, 0): scores are the first coordinates 0 and ln 3 → weights 1/4, 3/4
        Tensor a = Tensor.of(new float[] {0f, 5f, (float) Math.log(3), -1f}, 2, 1, 2);
        MultiplicativeAttention.Output o =
                MultiplicativeAttention.dot(2).forward(a, Tensor.of(new float[] {1f, 0f}, 1, 2), null);
        assertEquals(0.25f, o.weights().get(0, 0), 1e-6f);
        assertEquals(0.75f, o.weights().get(0, 1), 1e-6f);
        assertEquals(0.25f * 5f + 0.75f * -1f, o.context().get(0, 1), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> MultiplicativeAttention.dot(2)
                .forward(a, Tensor.zeros(1, 3), null));
    }
}
