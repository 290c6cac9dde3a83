package dev.seqlab.rnn.layer;

import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.rnn.cell.CellGradients;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.cell.CellOutput;
import dev.seqlab.rnn.cell.Direction;
import dev.seqlab.rnn.cell.GruCell;
import dev.seqlab.rnn.cell.LstmCell;
import dev.seqlab.rnn.cell.RecurrentCell;
import dev.seqlab.rnn.cell.RnnCell;
import java.util.Arrays;

/**
 * Stacked, optionally bidirectional RNN/GRU/LSTM over time-major batches {@code [T, B, I]}, with
 * per-sequence lengths for padded batches, given or zero initial states, and inverted dropout
 * between layers during training. Parameters are named {@code name.L.forward.W},
 * {@code name.L.reverse.R}, … with ONNX-layout weights (see {@link dev.seqlab.rnn.cell}).
 *
 * <pre>{@code
 * RecurrentLayer lstm = RecurrentLayer.create("lstm",
 *         RecurrentOptions.of(CellKind.LSTM, 65, 256).withLayers(2).withDropout(0.2f), new SeededRandom(1));
 * RecurrentOutput out = lstm.forward(x, null, null, null, true, rng);
 * ... lstm.backward(out.cache(), dOutputs, null, null);
 * }</pre>
 */
public final class RecurrentLayer {
    private final RecurrentOptions options;
    private final RecurrentCell[][] cells; // [layer][direction]
    private final Parameters params = new Parameters();

    private RecurrentLayer(String name, RecurrentOptions o) {
        this.options = o;
        int dirs = o.directions();
        cells = new RecurrentCell[o.layers()][dirs];
        for (int l = 0; l < o.layers(); l++) {
            int in = l == 0 ? o.inputSize() : o.outputSize();
            for (int d = 0; d < dirs; d++) {
                String n = name + "." + l + "." + (d == 0 ? "forward" : "reverse");
                cells[l][d] = switch (o.kind()) {
                    case RNN -> new RnnCell(n, in, o.hiddenSize());
                    case GRU -> new GruCell(n, in, o.hiddenSize(), o.linearBeforeReset());
                    case LSTM -> new LstmCell(n, in, o.hiddenSize());
                };
                params.addAll(cells[l][d].parameters());
            }
        }
    }

    /** A layer with weights initialised from {@code rng} (see {@link RecurrentCell#initialize}). */
    public static RecurrentLayer create(String name, RecurrentOptions options, SeededRandom rng) {
        RecurrentLayer layer = new RecurrentLayer(name, options);
        for (RecurrentCell[] l : layer.cells) {
            for (RecurrentCell c : l) {
                c.initialize(rng);
            }
        }
        return layer;
    }

    /** The options this layer was built with. */
    public RecurrentOptions options() {
        return options;
    }

    /** Every cell's W, R, Wb, Rb, layer by layer, forward before reverse. */
    public Parameters parameters() {
        return params;
    }

    /** The cell of layer {@code l}, direction {@code d} (0 forward, 1 reverse). */
    public RecurrentCell cell(int l, int d) {
        return cells[l][d];
    }

    /** What the forward pass keeps for the backward pass. */
    public static final class Cache {
        private final Tensor[] inputs; // per layer
        private final CellOutput[][] outs; // [layer][direction]
        private final float[][] masks; // dropout mask applied to layer l's output, or null

        private Cache(int layers, int dirs) {
            inputs = new Tensor[layers];
            outs = new CellOutput[layers][dirs];
            masks = new float[layers][];
        }
    }

    /**
     * Runs all layers.
     *
     * @param x        inputs {@code [T, B, I]}
     * @param lengths  per-sequence lengths (1…T), or null for all T
     * @param h0       initial hidden states {@code [layers·directions, B, H]}, or null for zeros
     * @param c0       initial cell states (LSTM), or null for zeros
     * @param training apply dropout between layers (needs {@code rng})
     * @param rng      draws the dropout masks
     */
    public RecurrentOutput forward(Tensor x, int[] lengths, Tensor h0, Tensor c0, boolean training, SeededRandom rng) {
        int layers = options.layers();
        int dirs = options.directions();
        int hid = options.hiddenSize();
        if (x.rank() != 3) {
            throw new IllegalArgumentException("inputs must be [T, B, I], got " + Arrays.toString(x.shape()));
        }
        int steps = x.dim(0);
        int batch = x.dim(1);
        checkState(h0, batch, "initial hidden state");
        checkState(c0, batch, "initial cell state");
        boolean dropout = training && options.dropout() > 0 && layers > 1;
        if (dropout && rng == null) {
            throw new IllegalArgumentException("dropout in training needs a SeededRandom");
        }
        Cache cache = new Cache(layers, dirs);
        Tensor lastH = Tensor.zeros(layers * dirs, batch, hid);
        Tensor lastC = options.kind() == CellKind.LSTM ? Tensor.zeros(layers * dirs, batch, hid) : null;
        Tensor in = x;
        Tensor out = null;
        for (int l = 0; l < layers; l++) {
            cache.inputs[l] = in;
            out = Tensor.zeros(steps, batch, dirs * hid);
            for (int d = 0; d < dirs; d++) {
                int slot = l * dirs + d;
                CellOutput o = cells[l][d].forward(
                        in,
                        slice(h0, slot, batch),
                        slice(c0, slot, batch),
                        lengths,
                        d == 0 ? Direction.FORWARD : Direction.REVERSE);
                cache.outs[l][d] = o;
                interleave(o.outputs().data(), out.data(), steps * batch, hid, dirs, d);
                System.arraycopy(o.lastHidden().data(), 0, lastH.data(), slot * batch * hid, batch * hid);
                if (lastC != null) {
                    System.arraycopy(o.lastCell().data(), 0, lastC.data(), slot * batch * hid, batch * hid);
                }
            }
            if (dropout && l < layers - 1) {
                float[] mask = new float[out.size()];
                float keep = 1f - options.dropout();
                float scale = 1f / keep;
                float[] od = out.data();
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = rng.nextFloat() < keep ? scale : 0f;
                    od[i] *= mask[i];
                }
                cache.masks[l] = mask;
            }
            in = out;
        }
        return new RecurrentOutput(out, lastH, lastC, cache);
    }

    /**
     * Backpropagation through all layers and time; weight gradients are added to the parameters.
     *
     * @param dOutputs dL/d(outputs) {@code [T, B, directions·H]}, or null
     * @param dLastH   dL/d(lastHidden) {@code [layers·directions, B, H]}, or null
     * @param dLastC   dL/d(lastCell) (LSTM), or null
     */
    public RecurrentGradients backward(Cache cache, Tensor dOutputs, Tensor dLastH, Tensor dLastC) {
        return backward(cache, dOutputs, dLastH, dLastC, true);
    }

    /**
     * {@link #backward(Cache, Tensor, Tensor, Tensor)}, leaving out dL/dX (the returned
     * {@code inputs} is null) when {@code inputGradient} is false, as for inputs that are data.
     */
    public RecurrentGradients backward(
            Cache cache, Tensor dOutputs, Tensor dLastH, Tensor dLastC, boolean inputGradient) {
        int layers = options.layers();
        int dirs = options.directions();
        int hid = options.hiddenSize();
        Tensor x = cache.inputs[0];
        int steps = x.dim(0);
        int batch = x.dim(1);
        Tensor dH0 = Tensor.zeros(layers * dirs, batch, hid);
        Tensor dC0 = options.kind() == CellKind.LSTM ? Tensor.zeros(layers * dirs, batch, hid) : null;
        float[] dOut = dOutputs == null
                ? new float[steps * batch * dirs * hid]
                : dOutputs.data().clone();
        Tensor dIn = null;
        for (int l = layers - 1; l >= 0; l--) {
            if (cache.masks[l] != null) {
                float[] m = cache.masks[l];
                for (int i = 0; i < dOut.length; i++) {
                    dOut[i] *= m[i];
                }
            }
            Tensor in = cache.inputs[l];
            boolean wanted = l > 0 || inputGradient;
            float[] dInSum = wanted ? new float[in.size()] : null;
            for (int d = 0; d < dirs; d++) {
                int slot = l * dirs + d;
                float[] dy = new float[steps * batch * hid];
                deinterleave(dOut, dy, steps * batch, hid, dirs, d);
                CellGradients g = cells[l][d].backward(
                        cache.outs[l][d].cache(),
                        Tensor.wrap(dy, steps, batch, hid),
                        slice(dLastH, slot, batch),
                        slice(dLastC, slot, batch),
                        wanted);
                if (wanted) {
                    float[] gi = g.inputs().data();
                    for (int i = 0; i < gi.length; i++) {
                        dInSum[i] += gi[i];
                    }
                }
                System.arraycopy(g.initialHidden().data(), 0, dH0.data(), slot * batch * hid, batch * hid);
                if (dC0 != null) {
                    System.arraycopy(g.initialCell().data(), 0, dC0.data(), slot * batch * hid, batch * hid);
                }
            }
            dIn = wanted ? Tensor.wrap(dInSum, in.shape()) : null;
            dOut = dInSum;
        }
        return new RecurrentGradients(dIn, dH0, dC0);
    }

    private static void interleave(float[] src, float[] dst, int rows, int hid, int dirs, int d) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, r * hid, dst, (r * dirs + d) * hid, hid);
        }
    }

    private static void deinterleave(float[] src, float[] dst, int rows, int hid, int dirs, int d) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, (r * dirs + d) * hid, dst, r * hid, hid);
        }
    }

    private Tensor slice(Tensor states, int slot, int batch) {
        if (states == null) {
            return null;
        }
        int n = batch * options.hiddenSize();
        return Tensor.wrap(Arrays.copyOfRange(states.data(), slot * n, (slot + 1) * n), batch, options.hiddenSize());
    }

    private void checkState(Tensor s, int batch, String what) {
        if (s == null) {
            return;
        }
        int slots = options.layers() * options.directions();
        if (s.rank() != 3 || s.dim(0) != slots || s.dim(1) != batch || s.dim(2) != options.hiddenSize()) {
            throw new IllegalArgumentException(what + " must be [" + slots + ", " + batch + ", " + options.hiddenSize()
                    + "], got " + Arrays.toString(s.shape()));
        }
    }
}
