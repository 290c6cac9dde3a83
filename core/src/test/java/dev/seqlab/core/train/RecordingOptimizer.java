package dev.seqlab.core.train;

import dev.seqlab.core.optim.Optimizer;
import dev.seqlab.core.param.Parameters;
import java.util.Map;

/** An optimiser that runs a hook before delegating each step: lets tests see the clipped gradients. */
final class RecordingOptimizer implements Optimizer {
    private final Optimizer inner;
    private final Runnable beforeStep;

    RecordingOptimizer(Optimizer inner, Runnable beforeStep) {
        this.inner = inner;
        this.beforeStep = beforeStep;
    }

    @Override
    public void step(Parameters params) {
        beforeStep.run();
        inner.step(params);
    }

    @Override
    public float learningRate() {
        return inner.learningRate();
    }

    @Override
    public void setLearningRate(float lr) {
        inner.setLearningRate(lr);
    }

    @Override
    public long steps() {
        return inner.steps();
    }

    @Override
    public Map<String, float[]> buffers(Parameters params) {
        return inner.buffers(params);
    }

    @Override
    public void restore(Parameters params, Map<String, float[]> buffers, long steps) {
        inner.restore(params, buffers, steps);
    }
}
