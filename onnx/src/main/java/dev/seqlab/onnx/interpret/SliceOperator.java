package dev.seqlab.onnx.interpret;

import dev.seqlab.onnx.HostTensor;
import java.util.Arrays;

/** {@code Slice}: starts, ends, axes and steps as attributes (opset 1–9) or inputs (opset 10 on). */
final class SliceOperator implements Operator {

    @Override
    public Step prepare(Node node) {
        if (node.hasAttribute("starts")) {
            long[] starts = node.intsAttribute("starts");
            long[] ends = node.intsAttribute("ends");
            long[] axes = node.intsAttribute("axes");
            return in -> Step.one(slice(in[0], starts, ends, axes, null));
        }
        return in -> Step.one(slice(
                in[0],
                Tensors.longValues(in[1]),
                Tensors.longValues(in[2]),
                in.length > 3 && in[3] != null ? Tensors.longValues(in[3]) : null,
                in.length > 4 && in[4] != null ? Tensors.longValues(in[4]) : null));
    }

    static HostTensor slice(HostTensor a, long[] starts, long[] ends, long[] axes, long[] steps) {
        int[] in = Tensors.shape(a);
        int r = in.length;
        int[] begin = new int[r];
        int[] step = new int[r];
        int[] shape = in.clone();
        Arrays.fill(step, 1);
        for (int k = 0; k < starts.length; k++) {
            int ax = Broadcasting.axis(axes == null ? k : axes[k], r, "Slice");
            int dim = in[ax];
            long st = steps == null ? 1 : steps[k];
            if (st == 0) {
                throw new IllegalArgumentException("Slice: step 0");
            }
            long s = starts[k] < 0 ? starts[k] + dim : starts[k];
            long e = ends[k] < 0 ? ends[k] + dim : ends[k];
            if (st > 0) {
                s = Math.max(0, Math.min(s, dim));
                e = Math.max(0, Math.min(e, dim));
                shape[ax] = (int) Math.max(0, (e - s + st - 1) / st);
            } else {
                s = Math.max(-1, Math.min(s, dim - 1));
                e = Math.max(-1, Math.min(e, dim - 1));
                shape[ax] = (int) Math.max(0, (s - e + (-st) - 1) / (-st));
            }
            begin[ax] = (int) s;
            step[ax] = (int) st;
        }
        int[] strides = Broadcasting.strides(in);
        int start = 0;
        int[] move = new int[r];
        for (int i = 0; i < r; i++) {
            start += begin[i] * strides[i];
            move[i] = step[i] * strides[i];
        }
        return Tensors.gather(a, Broadcasting.walk(shape, move, start), shape);
    }
}
