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

class AdditiveAttentionTest {

    @Test
    void gradientsMatchFiniteDifferencesWithPadding() {
        SeededRandom rng = new SeededRandom(1);
        AdditiveAttention att = new AdditiveAttention("att", 4, 3, 5, rng);
        Parameter a = Parameter.of("a", random(rng, 6, 3, 3));
        Parameter s = Parameter.of("s", random(rng, 3, 4));
        int[] lengths = {6, 2, 4};
        Tensor wc = random(rng, 3, 3);
        Tensor ww = random(rng, 3, 6);
        List<Parameter> checked = new ArrayList<>(att.parameters().list());
        checked.add(a);
        checked.add(s);
        Parameters all = new Parameters();
        checked.forEach(all::add);
        GradientChecker.check(
                        checked,
                        () -> {
                            AdditiveAttention.Output o = att.forward(a.value(), s.value(), lengths);
                            return dot(o.context(), wc) + dot(o.weights(), ww);
                        },
                        () -> {
                            all.zeroGrads();
                            AdditiveAttention.Output o = att.forward(a.value(), s.value(), lengths);
                            Tensor[] g = att.backward(o.cache(), wc, ww);
                            a.grad().copyFrom(g[0]);
                            s.grad().copyFrom(g[1]);
                        },
                        GradientChecker.Options.float32())
                .assertBelow(2e-3);
    }

    @Test
    void stepsSharingTheirKeysMatchFiniteDifferences() {
        SeededRandom rng = new SeededRandom(3);
        AdditiveAttention att = new AdditiveAttention("att", 4, 3, 5, rng);
        Parameter a = Parameter.of("a", random(rng, 6, 3, 3));
        Parameter s1 = Parameter.of("s1", random(rng, 3, 4));
        Parameter s2 = Parameter.of("s2", random(rng, 3, 4));
        int[] lengths = {6, 2, 4};
        Tensor wc1 = random(rng, 3, 3);
        Tensor wc2 = random(rng, 3, 3);
        Tensor ww = random(rng, 3, 6);
        List<Parameter> checked = new ArrayList<>(att.parameters().list());
        checked.addAll(List.of(a, s1, s2));
        Parameters all = new Parameters();
        checked.forEach(all::add);
        GradientChecker.check(
                        checked,
                        () -> {
                            AdditiveAttention.Keys keys = att.keys(a.value());
                            AdditiveAttention.Output o1 = att.forward(keys, s1.value(), lengths);
                            AdditiveAttention.Output o2 = att.forward(keys, s2.value(), lengths);
                            return dot(o1.context(), wc1) + dot(o2.context(), wc2) + dot(o2.weights(), ww);
                        },
                        () -> {
                            all.zeroGrads();
                            AdditiveAttention.Keys keys = att.keys(a.value());
                            AdditiveAttention.Output o1 = att.forward(keys, s1.value(), lengths);
                            AdditiveAttention.Output o2 = att.forward(keys, s2.value(), lengths);
                            Tensor dA = Tensor.zeros(a.value().shape());
                            s2.grad().copyFrom(att.backward(o2.cache(), wc2, ww, dA));
                            s1.grad().copyFrom(att.backward(o1.cache(), wc1, null, dA));
                            att.backward(keys, dA);
                            a.grad().copyFrom(dA);
                            assertThrows(IllegalStateException.class, () -> att.backward(o1.cache(), wc1, null));
                        },
                        GradientChecker.Options.float32())
                .assertBelow(2e-3);
    }

    @Test
    void weightsAreADistributionOverValidPositions() {
        SeededRandom rng = new SeededRandom(2);
        AdditiveAttention att = new AdditiveAttention("att", 2, 3, 10, rng);
        AdditiveAttention.Output o = att.forward(random(rng, 5, 2, 3), random(rng, 2, 2), new int[] {5, 3});
        for (int b = 0; b < 2; b++) {
            double sum = 0;
            for (int t = 0; t < 5; t++) {
                sum += o.weights().get(b, t);
            }
            assertEquals(1.0, sum, 1e-6);
        }
        assertEquals(0f, o.weights().get(1, 3));
        assertEquals(0f, o.weights().get(1, 4));
        // with one position, the context is that position's vector
        Tensor one = random(rng, 1, 1, 3);
        AdditiveAttention.Output single = att.forward(one, random(rng, 1, 2), null);
        for (int j = 0; j < 3; j++) {
            assertEquals(one.data()[j], single.context().data()[j], 1e-6f);
        }
        assertThrows(IllegalArgumentException.class, () -> att.forward(random(rng, 5, 2, 4), random(rng, 2, 2), null));
    }
}
