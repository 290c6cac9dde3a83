package dev.seqlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.optim.AdamOptions;
import dev.seqlab.core.optim.ClipPolicy;
import dev.seqlab.core.optim.LearningRateSchedule;
import dev.seqlab.core.optim.Optimizer;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {
    private static final int EXAMPLES = 50;
    private static final int IN = 4;

    @TempDir
    Path dir;

    /** Linear regression y = x·w + b with dropout on the inputs, so the step's random stream matters. */
    private static final class Regression {
        final Parameter w = Parameter.zeros("w", IN);
        final Parameter b = Parameter.zeros("b", 1);
        final Parameters params = Parameters.of(w, b);
        final float[][] x = new float[EXAMPLES][IN];
        final float[] y = new float[EXAMPLES];

        Regression() {
            SeededRandom data = new SeededRandom(11);
            float[] truth = {0.5f, -1.5f, 2f, 0.25f};
            for (int i = 0; i < EXAMPLES; i++) {
                float t = 0.3f;
                for (int j = 0; j < IN; j++) {
                    x[i][j] = (float) data.nextGaussian();
                    t += truth[j] * x[i][j];
                }
                y[i] = t;
            }
            SeededRandom init = new SeededRandom(5);
            for (int j = 0; j < IN; j++) {
                w.value().data()[j] = (float) init.nextGaussian() * 0.1f;
            }
        }

        double step(int[] batch, SeededRandom rng) {
            double loss = 0;
            for (int i : batch) {
                float[] xi = new float[IN];
                float pred = b.value().data()[0];
                for (int j = 0; j < IN; j++) {
                    xi[j] = rng.nextFloat() < 0.1f ? 0f : x[i][j] / 0.9f;
                    pred += w.value().data()[j] * xi[j];
                }
                float err = pred - y[i];
                loss += err * err;
                for (int j = 0; j < IN; j++) {
                    w.grad().data()[j] += 2 * err * xi[j] / batch.length;
                }
                b.grad().data()[0] += 2 * err / batch.length;
            }
            return loss / batch.length;
        }

        double validationLoss() {
            double loss = 0;
            for (int i = 0; i < EXAMPLES; i++) {
                float pred = b.value().data()[0];
                for (int j = 0; j < IN; j++) {
                    pred += w.value().data()[j] * x[i][j];
                }
                loss += (pred - y[i]) * (pred - y[i]);
            }
            return loss / EXAMPLES;
        }

        byte[] bytes() {
            ByteBuffer buf = ByteBuffer.allocate(4 * (IN + 1));
            for (float v : w.value().data()) {
                buf.putFloat(v);
            }
            buf.putFloat(b.value().data()[0]);
            return buf.array();
        }
    }

    private static final TrainingOptions OPTIONS = TrainingOptions.defaults()
            .withEpochs(6)
            .withBatchSize(8)
            .withLearningRate(0.05f)
            .withLrDecay(0.9)
            .withPatience(0)
            .withSeed(3);

    private static Optimizer adam(TrainingOptions o) {
        return Optimizer.adam(AdamOptions.defaults().withLearningRate(o.learningRate()));
    }

    private static TrainingLoop<int[]> loop(Regression m, TrainingOptions o) {
        return TrainingLoop.<int[]>of(m.params, adam(o), o)
                .batches(new ExampleBatches(EXAMPLES, o.batchSize(), false))
                .step(m::step);
    }

    @Test
    void trainsAndWeighsTheEpochLossByExamples() {
        Regression m = new Regression();
        double before = m.validationLoss();
        TrainingResult r = loop(m, OPTIONS).run();
        assertEquals(6, r.trainLoss().size());
        assertEquals(7 * 6, r.steps());
        assertEquals(7, r.batchesPerEpoch());
        assertEquals(EXAMPLES * 6L, r.weight());
        assertTrue(m.validationLoss() < before / 10, "loss " + before + " → " + m.validationLoss());
        assertFalse(r.stoppedEarly());
        assertFalse(r.stopRequested());
        double sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += r.batchLoss().get(i) * (i < 6 ? 8 : 2);
        }
        assertEquals(sum / EXAMPLES, r.trainLoss().get(0), 1e-12);
    }

    @Test
    void appliesThePerEpochDecayAndAStepSchedule() {
        Regression m = new Regression();
        Optimizer opt = adam(OPTIONS);
        List<Float> rates = new ArrayList<>();
        TrainingLoop.<int[]>of(m.params, opt, OPTIONS.withEpochs(3))
                .batches(new ExampleBatches(EXAMPLES, 25, false))
                .step((b, rng) -> {
                    rates.add(opt.learningRate());
                    return m.step(b, rng);
                })
                .run();
        assertEquals(
                List.of(0.05f, 0.05f, (float) (0.05f * 0.9), (float) (0.05f * 0.9), (float) (0.05f * 0.81), (float)
                        (0.05f * 0.81)),
                rates);
        rates.clear();
        TrainingLoop.<int[]>of(m.params, opt, OPTIONS.withEpochs(2))
                .batches(new ExampleBatches(EXAMPLES, 25, false))
                .stepSchedule(LearningRateSchedule.linear(0.04, 0.0, 4))
                .step((b, rng) -> {
                    rates.add(opt.learningRate());
                    return m.step(b, rng);
                })
                .run();
        assertEquals(List.of(0.04f, 0.03f, 0.02f, 0.01f), rates);
    }

    @Test
    void clipsWithThePolicyOfTheOptions() {
        for (ClipPolicy clip : List.of(
                ClipPolicy.none(),
                ClipPolicy.globalNorm(0.5),
                ClipPolicy.value(0.1f),
                ClipPolicy.globalNorm(0.5).withValue(0.1f))) {
            Regression m = new Regression();
            Parameters seen = m.params;
            List<float[]> grads = new ArrayList<>();
            Optimizer spy = new RecordingOptimizer(
                    adam(OPTIONS), () -> grads.add(seen.get("w").grad().data().clone()));
            TrainingLoop.<int[]>of(m.params, spy, OPTIONS.withEpochs(1).withClip(clip))
                    .batches(new ExampleBatches(EXAMPLES, 10, false))
                    .step((b, rng) -> m.step(b, rng) * 0 + scaleGradients(m, 100))
                    .run();
            for (float[] g : grads) {
                double norm = 0;
                float max = 0;
                for (float v : g) {
                    norm += v * v;
                    max = Math.max(max, Math.abs(v));
                }
                norm = Math.sqrt(norm);
                if (clip.maxNorm() > 0) {
                    assertTrue(norm <= 0.5 + 1e-5, clip + ": norm " + norm);
                }
                if (clip.maxValue() > 0) {
                    assertTrue(max <= 0.1f, clip + ": max " + max);
                }
                if (clip.equals(ClipPolicy.none())) {
                    assertTrue(norm > 1, "unclipped gradients stay large, norm " + norm);
                }
            }
        }
    }

    private static double scaleGradients(Regression m, float f) {
        for (Parameter p : m.params) {
            float[] g = p.grad().data();
            for (int i = 0; i < g.length; i++) {
                g[i] *= f;
            }
        }
        return 0;
    }

    @Test
    void earlyStoppingRestoresTheBestParameters() {
        Regression m = new Regression();
        Iterator<Double> scripted = List.of(3.0, 2.0, 2.5, 2.6, 2.7, 2.8).iterator();
        List<byte[]> atBest = new ArrayList<>();
        TrainingResult r = loop(m, OPTIONS.withPatience(2))
                .validation(scripted::next)
                .onImprovement(epoch -> {
                    if (epoch == 2) {
                        atBest.add(m.bytes());
                    }
                })
                .run();
        assertTrue(r.stoppedEarly());
        assertEquals(4, r.trainLoss().size());
        assertEquals(List.of(3.0, 2.0, 2.5, 2.6), r.validationLoss());
        assertEquals(2, r.bestEpoch());
        assertEquals(2.0, r.finalValidationLoss());
        assertArrayEquals(atBest.get(0), m.bytes());
    }

    @Test
    void stopsAtTheFirstEpochThatReachesTheTarget() {
        Regression m = new Regression();
        Iterator<Double> scripted = List.of(0.5, 0.2, 0.05, 0.01, 0.001, 0.0).iterator();
        TrainingResult r =
                loop(m, OPTIONS).validation(scripted::next).target(0.05).run();
        assertTrue(r.stoppedEarly());
        assertEquals(List.of(0.5, 0.2, 0.05), r.validationLoss());
        assertEquals(3, r.trainLoss().size());
        assertEquals(3, r.bestEpoch());
        Iterator<Double> never = List.of(0.5, 0.2, 0.3, 0.1, 0.09, 0.08).iterator();
        TrainingResult all = loop(new Regression(), OPTIONS)
                .validation(never::next)
                .target(0.05)
                .run();
        assertFalse(all.stoppedEarly());
        assertEquals(6, all.validationLoss().size());
    }

    @Test
    void aResumedRunEndsWithTheSameBytesAsAnUninterruptedOne() {
        Regression straight = new Regression();
        TrainingResult full =
                loop(straight, OPTIONS).validation(straight::validationLoss).run();
        Path file = dir.resolve("checkpoint.safetensors");
        for (long stopAt : new long[] {0, 5, 7, 21}) {
            Regression first = new Regression();
            AtomicLong steps = new AtomicLong();
            TrainingResult half = loop(first, OPTIONS)
                    .validation(first::validationLoss)
                    .step((b, rng) -> {
                        steps.incrementAndGet();
                        return first.step(b, rng);
                    })
                    .stopRequested(() -> steps.get() >= stopAt)
                    .checkpoint(file)
                    .run();
            assertTrue(half.stopRequested(), "the run reports that it stopped");
            assertEquals(file, half.checkpoint());
            assertTrue(Files.exists(file), "a stop writes a checkpoint");
            assertEquals(stopAt, half.steps());

            Regression second = new Regression();
            TrainingResult rest = loop(second, OPTIONS)
                    .validation(second::validationLoss)
                    .resume(file)
                    .run();
            assertArrayEquals(straight.bytes(), second.bytes(), "stopped after " + stopAt + " steps");
            assertEquals(full.batchLoss(), rest.batchLoss());
            assertEquals(full.trainLoss(), rest.trainLoss());
            assertEquals(full.validationLoss(), rest.validationLoss());
            assertEquals(full.steps(), rest.steps());
            assertEquals(full.weight(), rest.weight());
        }
    }

    @Test
    void periodicCheckpointsResumeExactlyToo() {
        Regression straight = new Regression();
        loop(straight, OPTIONS).run();
        Path file = dir.resolve("every.safetensors");
        Regression first = new Regression();
        AtomicLong steps = new AtomicLong();
        TrainingResult r = loop(first, OPTIONS.withCheckpointEvery(10).withEpochs(3))
                .checkpoint(file)
                .step((b, rng) -> {
                    steps.incrementAndGet();
                    return first.step(b, rng);
                })
                .run();
        assertFalse(r.stopRequested());
        assertEquals(file, r.checkpoint());
        Regression second = new Regression();
        loop(second, OPTIONS.withCheckpointEvery(10)).resume(file).run();
        assertArrayEquals(straight.bytes(), second.bytes());
    }

    @Test
    void refusesACheckpointOfAnotherRun() throws IOException {
        Path file = dir.resolve("c.safetensors");
        Regression m = new Regression();
        loop(m, OPTIONS).stopRequested(() -> true).checkpoint(file).run();
        assertThrows(
                UncheckedIOException.class,
                () -> loop(new Regression(), OPTIONS.withSeed(4)).resume(file).run());
        assertThrows(UncheckedIOException.class, () -> loop(new Regression(), OPTIONS)
                .resume(dir.resolve("none"))
                .run());
    }

    @Test
    void optionsNameTheBadValue() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> TrainingOptions.defaults().withEpochs(0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> TrainingOptions.defaults().withLrDecay(1.5));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> TrainingOptions.defaults().withCheckpointEvery(-2));
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClipPolicy.value(-1f));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
    }
}
