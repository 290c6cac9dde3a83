package dev.seqlab.core.param;

import dev.seqlab.core.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * A trainable tensor and its gradient, which always has the same shape. Backward passes add
 * into {@link #grad()}; optimisers read it and update {@link #value()}.
 */
public final class Parameter {
    private final String name;
    private final Tensor value;
    private final Tensor grad;

    private Parameter(String name, Tensor value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a non-blank name");
        }
        this.name = name;
        this.value = Objects.requireNonNull(value, "value");
        this.grad = Tensor.zeros(value.shape());
    }

    /** A zero-initialised parameter of the given shape. */
    public static Parameter zeros(String name, int... shape) {
        return new Parameter(name, Tensor.zeros(shape));
    }

    /** A parameter holding {@code value} (not copied) with a zero gradient. */
    public static Parameter of(String name, Tensor value) {
        return new Parameter(name, value);
    }

    /** The name, unique within its {@link Parameters} set (e.g. {@code "lstm.0.W"}). */
    public String name() {
        return name;
    }

    /** The current value. */
    public Tensor value() {
        return value;
    }

    /** The accumulated gradient of the loss with respect to the value. */
    public Tensor grad() {
        return grad;
    }

    /** The number of scalar entries. */
    public int size() {
        return value.size();
    }

    /** Sets the gradient to zero. */
    public void zeroGrad() {
        Arrays.fill(grad.data(), 0f);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(value.shape());
    }
}
