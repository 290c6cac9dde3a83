package dev.seqlab.rnn.onnx;

import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.HostTensor.ElementType;
import dev.seqlab.onnx.interpret.Node;
import dev.seqlab.onnx.interpret.Operator;
import dev.seqlab.onnx.interpret.Step;
import dev.seqlab.onnx.interpret.Tensors;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.cell.CellOutput;
import dev.seqlab.rnn.cell.Direction;
import dev.seqlab.rnn.cell.GruCell;
import dev.seqlab.rnn.cell.LstmCell;
import dev.seqlab.rnn.cell.RecurrentCell;
import dev.seqlab.rnn.cell.RnnCell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ONNX {@code LSTM}, {@code GRU} and {@code RNN} operators on seqlab's cells: the node's
 * stored W, R and B become one cell per direction (ONNX layout and gate order, so they are
 * copied as they are), and each run feeds X, {@code sequence_lens}, {@code initial_h} and
 * {@code initial_c} through them. Refuses, naming the node: {@code layout=1}, {@code clip},
 * {@code input_forget}, peepholes, activations other than the defaults, weights computed at run time.
 */
final class RecurrentNodeOperator implements Operator {
    private final List<ImportedRecurrent> imported;

    /** Collects the nodes' cells into {@code imported}, in graph order. */
    RecurrentNodeOperator(List<ImportedRecurrent> imported) {
        this.imported = imported;
    }

    @Override
    public Step prepare(Node n) {
        CellKind kind = CellKind.valueOf(n.opType());
        if (n.intAttribute("layout", 0) != 0) {
            throw n.unsupported(
                    "layout=1 (batch-major) is not supported; seqlab imports layout 0 ([seq, batch, input])");
        }
        if (n.hasAttribute("clip")) {
            throw n.unsupported("the clip attribute is not supported");
        }
        if (kind == CellKind.LSTM && n.intAttribute("input_forget", 0) != 0) {
            throw n.unsupported("input_forget=1 (coupled input and forget gates) is not supported");
        }
        if (kind == CellKind.LSTM && n.hasInput(7)) {
            throw n.unsupported("peephole weights (input P) are not supported");
        }
        String direction = n.stringAttribute("direction", "forward");
        List<Direction> dirs =
                switch (direction) {
                    case "forward" -> List.of(Direction.FORWARD);
                    case "reverse" -> List.of(Direction.REVERSE);
                    case "bidirectional" -> List.of(Direction.FORWARD, Direction.REVERSE);
                    default -> throw n.unsupported("unknown direction '" + direction + "'");
                };
        checkActivations(n, kind, dirs.size());
        HostTensor w = n.requireConstant(1, "W");
        HostTensor r = n.requireConstant(2, "R");
        HostTensor b = n.hasInput(3) ? n.requireConstant(3, "B") : null;
        int nd = dirs.size();
        int gates = kind.gates();
        if (w.rank() != 3 || w.dim(0) != nd || w.dim(1) % gates != 0) {
            throw new IllegalArgumentException(n.where() + ": W has shape " + Arrays.toString(w.shape())
                    + ", expected [" + nd + ", " + gates + "·hidden, input]");
        }
        int h = (int) n.intAttribute("hidden_size", w.dim(1) / gates);
        int in = (int) w.dim(2);
        int gh = gates * h;
        if (w.dim(1) != gh
                || r.rank() != 3
                || r.dim(0) != nd
                || r.dim(1) != gh
                || r.dim(2) != h
                || b != null && (b.rank() != 2 || b.dim(0) != nd || b.dim(1) != 2L * gh)) {
            throw new IllegalArgumentException(n.where() + ": weights W" + Arrays.toString(w.shape()) + ", R"
                    + Arrays.toString(r.shape()) + (b == null ? "" : ", B" + Arrays.toString(b.shape()))
                    + " do not fit hidden_size " + h + " and " + nd + " direction(s)");
        }
        boolean lbr = n.intAttribute("linear_before_reset", 0) != 0;
        List<RecurrentCell> cells = new ArrayList<>();
        for (int d = 0; d < nd; d++) {
            String cn = n.name() + "." + (dirs.get(d) == Direction.FORWARD ? "forward" : "reverse");
            RecurrentCell c =
                    switch (kind) {
                        case LSTM -> new LstmCell(cn, in, h);
                        case GRU -> new GruCell(cn, in, h, lbr);
                        case RNN -> new RnnCell(cn, in, h);
                    };
            System.arraycopy(w.floats(), d * gh * in, c.w().value().data(), 0, gh * in);
            System.arraycopy(r.floats(), d * gh * h, c.r().value().data(), 0, gh * h);
            if (b != null) {
                System.arraycopy(b.floats(), d * 2 * gh, c.wb().value().data(), 0, gh);
                System.arraycopy(b.floats(), d * 2 * gh + gh, c.rb().value().data(), 0, gh);
            }
            cells.add(c);
        }
        imported.add(new ImportedRecurrent(n.name(), kind, cells, dirs));
        return inputs -> run(inputs, cells, dirs, h);
    }

    private static void checkActivations(Node n, CellKind kind, int nd) {
        List<String> given = n.stringsAttribute("activations");
        if (given == null) {
            return;
        }
        List<String> expected =
                switch (kind) {
                    case LSTM -> List.of("sigmoid", "tanh", "tanh");
                    case GRU -> List.of("sigmoid", "tanh");
                    case RNN -> List.of("tanh");
                };
        List<String> lower = given.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<String> want = new ArrayList<>();
        for (int d = 0; d < nd; d++) {
            want.addAll(expected);
        }
        if (!lower.equals(want)) {
            throw n.unsupported(
                    "activations " + lower + " are not supported; seqlab's " + kind.name() + " cell uses " + expected);
        }
    }

    private static HostTensor[] run(HostTensor[] in, List<RecurrentCell> cells, List<Direction> dirs, int h) {
        HostTensor x = in[0];
        int inputSize = cells.get(0).inputSize();
        if (x.rank() != 3 || x.type() != ElementType.FLOAT || x.dim(2) != inputSize) {
            throw new IllegalArgumentException("input X is " + x + ", expected float [seq, batch, " + inputSize + "]");
        }
        int t = (int) x.dim(0);
        int batch = (int) x.dim(1);
        int nd = cells.size();
        int[] lengths = lengths(in.length > 4 ? in[4] : null, t);
        HostTensor h0 = in.length > 5 ? in[5] : null;
        HostTensor c0 = cells.get(0).kind() == CellKind.LSTM && in.length > 6 ? in[6] : null;
        for (HostTensor s : new HostTensor[] {h0, c0}) {
            if (s != null && (s.rank() != 3 || s.dim(0) != nd || s.dim(1) != batch || s.dim(2) != h)) {
                throw new IllegalArgumentException(
                        "initial state is " + s + ", expected [" + nd + ", " + batch + ", " + h + "]");
            }
        }
        float[] y = new float[t * nd * batch * h];
        float[] yh = new float[nd * batch * h];
        float[] yc = new float[nd * batch * h];
        int bh = batch * h;
        for (int d = 0; d < nd; d++) {
            Tensor hd =
                    h0 == null ? null : Tensor.wrap(Arrays.copyOfRange(h0.floats(), d * bh, (d + 1) * bh), batch, h);
            Tensor cd =
                    c0 == null ? null : Tensor.wrap(Arrays.copyOfRange(c0.floats(), d * bh, (d + 1) * bh), batch, h);
            CellOutput o =
                    cells.get(d).forward(Tensor.wrap(x.floats(), t, batch, inputSize), hd, cd, lengths, dirs.get(d));
            for (int s = 0; s < t; s++) {
                System.arraycopy(o.outputs().data(), s * bh, y, (s * nd + d) * bh, bh);
            }
            System.arraycopy(o.lastHidden().data(), 0, yh, d * bh, bh);
            if (o.lastCell() != null) {
                System.arraycopy(o.lastCell().data(), 0, yc, d * bh, bh);
            }
        }
        return new HostTensor[] {
            HostTensor.floats(y, t, nd, batch, h),
            HostTensor.floats(yh, nd, batch, h),
            HostTensor.floats(yc, nd, batch, h)
        };
    }

    /** The sequence lengths, or null when there are none or every sequence is full. */
    private static int[] lengths(HostTensor lens, int t) {
        if (lens == null) {
            return null;
        }
        long[] l = Tensors.longValues(lens);
        int[] lengths = new int[l.length];
        boolean all = true;
        for (int i = 0; i < l.length; i++) {
            lengths[i] = (int) l[i];
            all &= l[i] == t;
        }
        return all ? null : lengths;
    }
}
