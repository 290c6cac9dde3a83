package dev.seqlab.onnx.interpret;

import dev.seqlab.core.kernel.Activations;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.HostTensor.ElementType;
import java.util.function.LongBinaryOperator;

/**
 * Element-wise operators with numpy broadcasting: {@code Add}, {@code Sub}, {@code Mul},
 * {@code Div}, {@code Max}, {@code Equal}, {@code Less}, {@code Not}, {@code Where}, and the
 * activations {@code Tanh}, {@code Sigmoid}, {@code Relu} on core's {@link Activations}, and {@code Sqrt}.
 */
final class ElementwiseOperators {

    private ElementwiseOperators() {}

    /** A float function of two floats. */
    @FunctionalInterface
    interface FloatBinary {
        float apply(float a, float b);
    }

    /** A comparison of two doubles. */
    @FunctionalInterface
    interface DoubleTest {
        boolean test(double a, double b);
    }

    /** A comparison of two longs. */
    @FunctionalInterface
    interface LongTest {
        boolean test(long a, long b);
    }

    /** A kernel over n floats: {@code y[i] = f(x[i])}. */
    @FunctionalInterface
    interface FloatKernel {
        void apply(int n, float[] x, float[] y);
    }

    static final Operator ADD = arithmetic("Add", Float::sum, Long::sum);
    static final Operator SUB = arithmetic("Sub", (a, b) -> a - b, (a, b) -> a - b);
    static final Operator MUL = arithmetic("Mul", (a, b) -> a * b, (a, b) -> a * b);
    static final Operator DIV = arithmetic("Div", (a, b) -> a / b, (a, b) -> a / b);
    static final Operator MAX = node -> in -> {
        HostTensor m = in[0];
        for (int i = 1; i < in.length; i++) {
            m = binary(m, in[i], "Max", Math::max, Math::max);
        }
        return Step.one(m);
    };
    static final Operator EQUAL =
            node -> in -> Step.one(compare(in[0], in[1], "Equal", (a, b) -> a == b, (a, b) -> a == b));
    static final Operator LESS =
            node -> in -> Step.one(compare(in[0], in[1], "Less", (a, b) -> a < b, (a, b) -> a < b));
    static final Operator WHERE = node -> in -> Step.one(where(in[0], in[1], in[2]));
    static final Operator NOT = node -> in -> Step.one(not(in[0]));
    static final Operator TANH = activation((n, x, y) -> Activations.tanh(n, x, 0, y, 0));
    static final Operator SIGMOID = activation((n, x, y) -> Activations.sigmoid(n, x, 0, y, 0));
    static final Operator RELU = activation((n, x, y) -> Activations.relu(n, x, 0, y, 0));
    static final Operator SQRT = activation((n, x, y) -> {
        for (int i = 0; i < n; i++) {
            y[i] = (float) Math.sqrt(x[i]);
        }
    });

    static Operator arithmetic(String op, FloatBinary f, LongBinaryOperator l) {
        return node -> in -> Step.one(binary(in[0], in[1], op, f, l));
    }

    static Operator activation(FloatKernel k) {
        return node -> in -> {
            float[] x = in[0].floats();
            float[] y = new float[x.length];
            k.apply(x.length, x, y);
            return Step.one(HostTensor.floats(y, in[0].shape()));
        };
    }

    /** {@code f(a, b)} broadcast; floats when either side is float, else integers of {@code a}'s type. */
    static HostTensor binary(HostTensor a, HostTensor b, String op, FloatBinary f, LongBinaryOperator l) {
        int[] as = Tensors.shape(a);
        int[] bs = Tensors.shape(b);
        int[] shape = Broadcasting.broadcast(as, bs, op);
        int[] oa = Broadcasting.sourceOffsets(as, shape);
        int[] ob = Broadcasting.sourceOffsets(bs, shape);
        int n = oa.length;
        if (a.type() == ElementType.FLOAT || b.type() == ElementType.FLOAT) {
            float[] x = Tensors.floatValues(a);
            float[] y = Tensors.floatValues(b);
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = f.apply(x[oa[i]], y[ob[i]]);
            }
            return HostTensor.floats(out, Tensors.longs(shape));
        }
        long[] x = Tensors.longValues(a);
        long[] y = Tensors.longValues(b);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = l.applyAsLong(x[oa[i]], y[ob[i]]);
        }
        return Tensors.ofLongs(a.type(), out, shape);
    }

    /** A bool tensor of {@code a op b}, broadcast; as doubles when either side is float, else as longs. */
    static HostTensor compare(HostTensor a, HostTensor b, String op, DoubleTest onDoubles, LongTest onLongs) {
        int[] as = Tensors.shape(a);
        int[] bs = Tensors.shape(b);
        int[] shape = Broadcasting.broadcast(as, bs, op);
        int[] oa = Broadcasting.sourceOffsets(as, shape);
        int[] ob = Broadcasting.sourceOffsets(bs, shape);
        boolean floats = a.type() == ElementType.FLOAT || b.type() == ElementType.FLOAT;
        boolean[] out = new boolean[oa.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = floats
                    ? onDoubles.test(Tensors.get(a, oa[i]), Tensors.get(b, ob[i]))
                    : onLongs.test(Tensors.getLong(a, oa[i]), Tensors.getLong(b, ob[i]));
        }
        return HostTensor.bools(out, Tensors.longs(shape));
    }

    /** {@code condition ? x : y}, the three broadcast together. */
    static HostTensor where(HostTensor condition, HostTensor x, HostTensor y) {
        if (x.type() != y.type()) {
            throw new IllegalArgumentException("Where: " + x + " and " + y + " hold different element types");
        }
        int[] cs = Tensors.shape(condition);
        int[] xs = Tensors.shape(x);
        int[] ys = Tensors.shape(y);
        int[] shape = Broadcasting.broadcast(Broadcasting.broadcast(cs, xs, "Where"), ys, "Where");
        int[] oc = Broadcasting.sourceOffsets(cs, shape);
        int[] ox = Broadcasting.sourceOffsets(xs, shape);
        int[] oy = Broadcasting.sourceOffsets(ys, shape);
        boolean[] c = condition.bools();
        int ySkip = (int) x.size();
        int[] src = new int[oc.length];
        for (int i = 0; i < src.length; i++) {
            src[i] = c[oc[i]] ? ox[i] : ySkip + oy[i];
        }
        return Tensors.gather(Tensors.joined(x, y), src, shape);
    }

    static HostTensor not(HostTensor a) {
        boolean[] x = a.bools();
        boolean[] out = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = !x[i];
        }
        return HostTensor.bools(out, a.shape());
    }
}
