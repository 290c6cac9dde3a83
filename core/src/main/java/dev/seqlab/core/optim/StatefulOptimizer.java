package dev.seqlab.core.optim;

import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bookkeeping every optimiser shares: the learning rate, the step count and per-parameter
 * state buffers of the parameter's size. Subclasses implement {@link #update}.
 */
abstract class StatefulOptimizer implements Optimizer {
    private final Map<Parameter, float[][]> state = new IdentityHashMap<>();
    private final int buffers;
    private float lr;
    private long steps;

    StatefulOptimizer(float lr, int buffers) {
        this.lr = Optimizer.checkLearningRate(lr);
        this.buffers = buffers;
    }

    @Override
    public final void step(Parameters params) {
        steps++;
        for (Parameter p : params) {
            float[][] s = state.computeIfAbsent(p, k -> new float[buffers][k.size()]);
            update(p.value().data(), p.grad().data(), s, steps);
        }
    }

    @Override
    public final Map<String, float[]> buffers(Parameters params) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Parameter p : params) {
            float[][] s = state.get(p);
            for (int i = 0; s != null && i < buffers; i++) {
                out.put(p.name() + "#" + i, s[i].clone());
            }
        }
        return out;
    }

    @Override
    public final void restore(Parameters params, Map<String, float[]> saved, long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("step count must be non-negative, got " + steps);
        }
        Map<Parameter, float[][]> restored = new IdentityHashMap<>();
        for (Parameter p : params) {
            if (steps == 0 || buffers == 0) {
                continue;
            }
            float[][] s = new float[buffers][];
            for (int i = 0; i < buffers; i++) {
                String name = p.name() + "#" + i;
                float[] b = saved.get(name);
                if (b == null || b.length != p.size()) {
                    throw new IllegalArgumentException("optimiser buffer '" + name + "' is "
                            + (b == null ? "missing" : "of size " + b.length + ", the parameter has " + p.size()));
                }
                s[i] = b.clone();
            }
            restored.put(p, s);
        }
        state.clear();
        state.putAll(restored);
        this.steps = steps;
    }

    /**
     * Updates one parameter's values {@code w} from its gradient {@code g}.
     *
     * @param state this parameter's buffers, zero on the first step
     * @param t     the 1-based step number
     */
    abstract void update(float[] w, float[] g, float[][] state, long t);

    @Override
    public final float learningRate() {
        return lr;
    }

    @Override
    public final void setLearningRate(float lr) {
        this.lr = Optimizer.checkLearningRate(lr);
    }

    @Override
    public final long steps() {
        return steps;
    }
}
