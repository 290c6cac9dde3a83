package dev.seqlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Three steps of each optimiser from w = [1, −2] with gradients [0.5, −1], [0.25, 0.5],
 * [−0.1, 0.2]. Expected values were worked out in double precision from the published update
 * rules (and, for momentum, by hand: v = 0.5, 0.7, 0.53 → w = 0.95, 0.88, 0.827).
 */
class OptimizerTest {
    private static final float[][] GRADS = {{0.5f, -1f}, {0.25f, 0.5f}, {-0.1f, 0.2f}};

    private static float[] run(Optimizer opt) {
        Parameter w = Parameter.of("w", Tensor.of(new float[] {1f, -2f}, 2));
        Parameters ps = Parameters.of(w);
        for (float[] g : GRADS) {
            System.arraycopy(g, 0, w.grad().data(), 0, 2);
            opt.step(ps);
        }
        assertEquals(3, opt.steps());
        return w.value().data();
    }

    private static void assertTrajectory(double[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 2e-6 * Math.max(1, Math.abs(expected[i])), "w[" + i + "]");
        }
    }

    @Test
    void sgdWithWeightDecay() {
        assertTrajectory(
                new double[] {0.932127949, -1.9641559},
                run(Optimizer.sgd(SgdOptions.of(0.1f).withWeightDecay(0.01f))));
    }

    @Test
    void classicalMomentum() {
        assertTrajectory(new double[] {0.827, -1.844}, run(Optimizer.momentum(MomentumOptions.of(0.1f))));
    }

    @Test
    void nesterovMomentum() {
        assertTrajectory(
                new double[] {0.7793, -1.8296},
                run(Optimizer.momentum(MomentumOptions.of(0.1f).withNesterov(true))));
    }

    @Test
    void rmsProp() {
        assertTrajectory(new double[] {0.959732973, -1.98922136}, run(Optimizer.rmsProp(RmsPropOptions.of(0.01f))));
    }

    @Test
    void adamWithBiasCorrection() {
        assertTrajectory(
                new double[] {0.747110939, -1.86435934},
                run(Optimizer.adam(AdamOptions.defaults().withLearningRate(0.1f))));
    }

    @Test
    void adamWithL2WeightDecay() {
        assertTrajectory(
                new double[] {0.733418489, -1.81875076},
                run(Optimizer.adam(AdamOptions.defaults().withLearningRate(0.1f).withWeightDecay(0.1f))));
    }

    @Test
    void adamWDecoupledWeightDecay() {
        assertTrajectory(
                new double[] {0.720332118, -1.80721368},
                run(Optimizer.adam(AdamOptions.defaults().withLearningRate(0.1f).withDecoupledWeightDecay(0.1f))));
    }

    @Test
    void adamFirstStepMovesByLearningRateTimesSign() {
        // With bias correction, m̂ = g and v̂ = g² at t = 1, so the step is lr·g/(|g|+ε).
        Parameter w = Parameter.of("w", Tensor.of(new float[] {0f, 0f, 0f}, 3));
        w.grad().data()[0] = 1e-3f;
        w.grad().data()[1] = -50f;
        Optimizer.adam(AdamOptions.defaults().withLearningRate(0.01f)).step(Parameters.of(w));
        assertEquals(-0.01f, w.value().get(0), 1e-6f);
        assertEquals(0.01f, w.value().get(1), 1e-6f);
        assertEquals(0f, w.value().get(2));
    }

    @Test
    void learningRateCanBeChangedBetweenSteps() {
        Optimizer opt = Optimizer.sgd(SgdOptions.of(1f));
        Parameter w = Parameter.of("w", Tensor.of(new float[] {1f}, 1));
        w.grad().data()[0] = 1f;
        opt.setLearningRate(0.25f);
        opt.step(Parameters.of(w));
        assertEquals(0.75f, w.value().get(0));
        assertThrows(IllegalArgumentException.class, () -> opt.setLearningRate(0f));
        assertThrows(IllegalArgumentException.class, () -> opt.setLearningRate(Float.NaN));
    }

    @Test
    void optionsAreValidatedWithClearMessages() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> AdamOptions.defaults().withBetas(1f, 0.999f));
        assertTrue(e.getMessage().contains("beta1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SgdOptions.of(-1f));
        assertThrows(
                IllegalArgumentException.class, () -> MomentumOptions.of(0.1f).withMomentum(1.5f));
        assertThrows(
                IllegalArgumentException.class, () -> RmsPropOptions.of(0.1f).withEpsilon(0f));
        assertThrows(IllegalArgumentException.class, () -> SgdOptions.of(0.1f).withWeightDecay(-0.1f));
    }
}
