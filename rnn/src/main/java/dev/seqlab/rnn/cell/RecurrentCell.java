package dev.seqlab.rnn.cell;

import dev.seqlab.core.init.Initializer;
import dev.seqlab.core.kernel.Blas;
import dev.seqlab.core.kernel.Kernels;
import dev.seqlab.core.kernel.Reductions;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import java.util.Arrays;

/**
 * A batched recurrent cell with ONNX-layout weights ({@code W [G·H, I]}, {@code R [G·H, H]},
 * {@code Wb}, {@code Rb} {@code [G·H]}) and the time loop shared by all cells.
 *
 * <p>Two ways to use it, sharing one implementation:
 * <ul>
 *   <li>step by step, as the course builds it: {@link #step} on one time step's inputs
 *       {@code [B, I]} and {@link #stepBackward} with the gradients of its outputs;</li>
 *   <li>whole sequences: {@link #forward} on {@code [T, B, I]} and {@link #backward}.</li>
 * </ul>
 * Subclasses give the gate equations in {@link #stepForward} and {@link #stepBackward(SequenceCache, int, int, float[], float[])}.
 */
public abstract class RecurrentCell {
    /** The kernels every cell uses. */
    protected static final Blas BLAS = Kernels.blas();

    private final CellKind kind;
    private final int inputSize;
    private final int hiddenSize;
    private final Parameter w;
    private final Parameter r;
    private final Parameter wb;
    private final Parameter rb;
    private final Parameters params = new Parameters();

    /**
     * A cell with zero weights; see {@link #initialize(SeededRandom)}.
     *
     * @param name prefix of the parameter names ({@code name.W}, {@code name.R}, {@code name.Wb}, {@code name.Rb})
     */
    protected RecurrentCell(String name, CellKind kind, int inputSize, int hiddenSize) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException(
                    "input and hidden sizes must be positive, got input=" + inputSize + ", hidden=" + hiddenSize);
        }
        this.kind = kind;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        int gh = kind.gates() * hiddenSize;
        this.w = params.add(Parameter.zeros(name + ".W", gh, inputSize));
        this.r = params.add(Parameter.zeros(name + ".R", gh, hiddenSize));
        this.wb = params.add(Parameter.zeros(name + ".Wb", gh));
        this.rb = params.add(Parameter.zeros(name + ".Rb", gh));
    }

    /**
     * Initialises the weights: W Xavier-uniform, each gate block of R orthogonal, biases zero
     * (and, for the LSTM, the forget-gate input bias one).
     */
    public void initialize(SeededRandom rng) {
        Initializer.xavierUniform().fill(w.value(), rng);
        int h = hiddenSize;
        Tensor block = Tensor.zeros(h, h);
        for (int g = 0; g < kind.gates(); g++) {
            Initializer.orthogonal(1.0).fill(block, rng);
            System.arraycopy(block.data(), 0, r.value().data(), g * h * h, h * h);
        }
        wb.value().fill(0f);
        rb.value().fill(0f);
        initializeBiases(wb.value().data());
    }

    /** Hook for cell-specific bias initialisation (after all biases were zeroed). */
    protected void initializeBiases(float[] inputBias) {}

    /** The cell kind. */
    public CellKind kind() {
        return kind;
    }

    /** I, the input width. */
    public int inputSize() {
        return inputSize;
    }

    /** H, the hidden width. */
    public int hiddenSize() {
        return hiddenSize;
    }

    /** G·H, the width of the stacked gates. */
    public int gateWidth() {
        return kind.gates() * hiddenSize;
    }

    /** W, R, Wb, Rb in that order. */
    public Parameters parameters() {
        return params;
    }

    /** Input weights W {@code [G·H, I]}. */
    public Parameter w() {
        return w;
    }

    /** Recurrent weights R {@code [G·H, H]}. */
    public Parameter r() {
        return r;
    }

    /** Input bias Wb {@code [G·H]}. */
    public Parameter wb() {
        return wb;
    }

    /** Recurrent bias Rb {@code [G·H]}. */
    public Parameter rb() {
        return rb;
    }

    // ---------------------------------------------------------------- step by step

    /**
     * One time step: {@code x} {@code [B, I]}, previous states {@code [B, H]} (null for zeros;
     * {@code cPrev} only for the LSTM). The output's {@code outputs} is {@code [1, B, H]}.
     */
    public CellOutput step(Tensor x, Tensor hPrev, Tensor cPrev) {
        int b = x.dim(0);
        return forward(x.reshape(1, b, x.dim(1)), hPrev, cPrev, null, Direction.FORWARD);
    }

    /**
     * The backward pass of {@link #step}: {@code dh}, {@code dc} are the gradients of the loss
     * with respect to the step's new states (null for zero); weight gradients are accumulated.
     * Returns dx {@code [1, B, I]} and the gradients of the previous states.
     */
    public CellGradients stepBackward(CellOutput step, Tensor dh, Tensor dc) {
        return backward(step.cache(), null, dh, dc);
    }

    // ---------------------------------------------------------------- sequences

    /**
     * Runs the cell over a sequence.
     *
     * @param x         inputs {@code [T, B, I]}, time-major
     * @param h0        initial hidden state {@code [B, H]}, or null for zeros
     * @param c0        initial cell state {@code [B, H]} (LSTM), or null for zeros
     * @param lengths   each sequence's length (1…T), or null for all T; past its length a
     *                  sequence's output is zero and its state stays as it was
     * @param direction which end of the sequence to start from
     */
    public CellOutput forward(Tensor x, Tensor h0, Tensor c0, int[] lengths, Direction direction) {
        if (x.rank() != 3 || x.dim(2) != inputSize) {
            throw new IllegalArgumentException(
                    "inputs must be [T, B, " + inputSize + "], got " + Arrays.toString(x.shape()));
        }
        int steps = x.dim(0);
        int batch = x.dim(1);
        int hid = hiddenSize;
        int gh = gateWidth();
        checkLengths(lengths, steps, batch);
        SequenceCache s = new SequenceCache(this, direction, steps, batch, x.data(), lengths);
        copyState(h0, s.h, batch, "initial hidden state");
        if (s.c != null) {
            copyState(c0, s.c, batch, "initial cell state");
        }
        // xw = X·Wᵀ + Wb for all steps at once: rows of Wᵀ for one-hot inputs, else one product
        s.oneHot = OneHotRows.of(x.data(), steps * batch, inputSize);
        if (s.oneHot != null) {
            OneHotRows.project(s.oneHot, w.value().data(), gh, inputSize, s.xw);
        } else {
            BLAS.gemm(
                    false,
                    true,
                    steps * batch,
                    gh,
                    inputSize,
                    1f,
                    x.data(),
                    0,
                    inputSize,
                    w.value().data(),
                    0,
                    inputSize,
                    0f,
                    s.xw,
                    0,
                    gh);
        }
        float[] bias = wb.value().data();
        for (int row = 0; row < steps * batch; row++) {
            BLAS.axpy(gh, 1f, bias, 0, s.xw, row * gh);
        }
        if (batch > 1) {
            s.rTransposed = transpose(r.value().data(), gh, hid);
        }
        Tensor out = Tensor.zeros(steps, batch, hid);
        float[] y = out.data();
        for (int st = 0; st < steps; st++) {
            int t = direction.time(st, steps);
            stepForward(s, st, t);
            int next = (st + 1) * batch * hid;
            int prev = st * batch * hid;
            for (int b = 0; b < batch; b++) {
                if (s.active(b, t)) {
                    System.arraycopy(s.h, next + b * hid, y, (t * batch + b) * hid, hid);
                } else {
                    System.arraycopy(s.h, prev + b * hid, s.h, next + b * hid, hid);
                    if (s.c != null) {
                        System.arraycopy(s.c, prev + b * hid, s.c, next + b * hid, hid);
                    }
                }
            }
        }
        int last = steps * batch * hid;
        Tensor lastH = Tensor.wrap(Arrays.copyOfRange(s.h, last, last + batch * hid), batch, hid);
        Tensor lastC = s.c == null ? null : Tensor.wrap(Arrays.copyOfRange(s.c, last, last + batch * hid), batch, hid);
        return new CellOutput(out, lastH, lastC, s);
    }

    /**
     * Backpropagation through time for one {@link #forward} call. Weight gradients are added to
     * the parameters' grads.
     *
     * @param cache   from the forward pass
     * @param dOutput dL/d(outputs) {@code [T, B, H]}, or null
     * @param dLastH  dL/d(lastHidden) {@code [B, H]}, or null
     * @param dLastC  dL/d(lastCell) {@code [B, H]} (LSTM), or null
     */
    public CellGradients backward(SequenceCache cache, Tensor dOutput, Tensor dLastH, Tensor dLastC) {
        return backward(cache, dOutput, dLastH, dLastC, true);
    }

    /**
     * {@link #backward(SequenceCache, Tensor, Tensor, Tensor)}, leaving out dL/dX (the returned
     * {@code inputs} is null) when {@code inputGradient} is false: a model whose inputs are data
     * (one-hot characters) has no use for it, and it costs a product as large as W's gradient.
     */
    public CellGradients backward(
            SequenceCache cache, Tensor dOutput, Tensor dLastH, Tensor dLastC, boolean inputGradient) {
        SequenceCache s = cache;
        if (s.cell != this) {
            throw new IllegalArgumentException("this cache comes from another cell");
        }
        int steps = s.steps;
        int batch = s.batch;
        int hid = hiddenSize;
        int gh = gateWidth();
        float[] dh = new float[batch * hid];
        float[] dc = new float[batch * hid];
        copyState(dLastH, dh, batch, "gradient of the last hidden state");
        if (s.c != null) {
            copyState(dLastC, dc, batch, "gradient of the last cell state");
        }
        float[] dy = null;
        if (dOutput != null) {
            if (dOutput.rank() != 3 || dOutput.dim(0) != steps || dOutput.dim(1) != batch || dOutput.dim(2) != hid) {
                throw new IllegalArgumentException("output gradient must be [" + steps + ", " + batch + ", " + hid
                        + "], got " + Arrays.toString(dOutput.shape()));
            }
            dy = dOutput.data();
        }
        float[] dxw = new float[steps * batch * gh];
        boolean[] inactive = new boolean[batch];
        float[][] held = s.lengths == null ? null : new float[batch][];
        for (int st = steps - 1; st >= 0; st--) {
            int t = s.direction.time(st, steps);
            boolean anyInactive = false;
            for (int b = 0; b < batch; b++) {
                inactive[b] = !s.active(b, t);
                anyInactive |= inactive[b];
                if (!inactive[b] && dy != null) {
                    BLAS.axpy(hid, 1f, dy, (t * batch + b) * hid, dh, b * hid);
                }
            }
            if (anyInactive) {
                // Sequences past their end pass their state gradients straight through.
                for (int b = 0; b < batch; b++) {
                    if (inactive[b]) {
                        held[b] = new float[2 * hid];
                        System.arraycopy(dh, b * hid, held[b], 0, hid);
                        System.arraycopy(dc, b * hid, held[b], hid, hid);
                        Arrays.fill(dh, b * hid, (b + 1) * hid, 0f);
                        Arrays.fill(dc, b * hid, (b + 1) * hid, 0f);
                    }
                }
            }
            stepBackward(s, st, t, dh, dc, dxw);
            if (anyInactive) {
                for (int b = 0; b < batch; b++) {
                    if (inactive[b]) {
                        System.arraycopy(held[b], 0, dh, b * hid, hid);
                        System.arraycopy(held[b], hid, dc, b * hid, hid);
                    }
                }
            }
        }
        finishBackward(s, dxw);
        // dW += dxwᵀ·X, dWb += Σ dxw, dX = dxw·W: one GEMM each over all steps. dW stays a GEMM
        // for one-hot inputs too: summing dxw's rows by input column gives the same sums in
        // another order, and that rounding difference moved trained models (the date model's
        // confidence on a course demo date fell below its threshold).
        BLAS.gemm(
                true,
                false,
                gh,
                inputSize,
                steps * batch,
                1f,
                dxw,
                0,
                gh,
                s.x,
                0,
                inputSize,
                1f,
                w.grad().data(),
                0,
                inputSize);
        Reductions.columnSums(steps * batch, gh, dxw, 0, gh, wb.grad().data(), 0, true);
        Tensor dh0 = Tensor.wrap(dh, batch, hid);
        Tensor dc0 = s.c == null ? null : Tensor.wrap(dc, batch, hid);
        if (!inputGradient) {
            return new CellGradients(null, dh0, dc0);
        }
        Tensor dx = Tensor.zeros(steps, batch, inputSize);
        BLAS.gemm(
                false,
                false,
                steps * batch,
                inputSize,
                gh,
                1f,
                dxw,
                0,
                gh,
                w.value().data(),
                0,
                inputSize,
                0f,
                dx.data(),
                0,
                inputSize);
        return new CellGradients(dx, dh0, dc0);
    }

    /**
     * The gate equations of one step: reads {@code xw} at time {@code t} and the states in slot
     * {@code st}; writes the activated gates at step {@code st} and the new states in slot
     * {@code st + 1}.
     */
    protected abstract void stepForward(SequenceCache s, int st, int t);

    /**
     * The backward pass of one step. On entry {@code dh} (and {@code dc}) hold the gradients of
     * the states in slot {@code st + 1}; on return, those of slot {@code st}. Writes the gradient
     * of the step's pre-activations into {@code dxw} at time {@code t} and adds the recurrent
     * weight and bias gradients to R's and Rb's grads.
     */
    protected abstract void stepBackward(SequenceCache s, int st, int t, float[] dh, float[] dc, float[] dxw);

    /**
     * Hook run once after the backward time loop with the gradients of all steps' pre-activations
     * ({@code dxw}, by time): cells whose {@link #stepBackward} leaves the recurrent weight
     * gradients out add them here, with {@link #addRecurrentWeightGradients}.
     */
    protected void finishBackward(SequenceCache s, float[] dxw) {}

    /**
     * {@code dst += in·R[g0, g0+n)ᵀ + Rb[g0, g0+n)} for a batch: {@code in} is {@code [B, H]}
     * (row stride H), {@code dst} is {@code [B, n]} with row stride {@code ldDst}. A batch of
     * several sequences multiplies by the copy of Rᵀ the forward pass made, so the kernel reads it
     * in place instead of transposing R into its packing buffer at every step; the products are
     * the same operations either way.
     */
    protected final void addRecurrent(
            SequenceCache s, int batch, float[] in, int inOff, int g0, int n, float[] dst, int dstOff, int ldDst) {
        int hid = hiddenSize;
        if (s.rTransposed != null) {
            BLAS.gemm(
                    false,
                    false,
                    batch,
                    n,
                    hid,
                    1f,
                    in,
                    inOff,
                    hid,
                    s.rTransposed,
                    g0,
                    gateWidth(),
                    1f,
                    dst,
                    dstOff,
                    ldDst);
        } else {
            BLAS.gemm(
                    false,
                    true,
                    batch,
                    n,
                    hid,
                    1f,
                    in,
                    inOff,
                    hid,
                    r.value().data(),
                    g0 * hid,
                    hid,
                    1f,
                    dst,
                    dstOff,
                    ldDst);
        }
        float[] bias = rb.value().data();
        for (int b = 0; b < batch; b++) {
            BLAS.axpy(n, 1f, bias, g0, dst, dstOff + b * ldDst);
        }
    }

    /**
     * Backward of {@link #addRecurrent}: given {@code dq} {@code [B, n]} (row stride
     * {@code ldq}), the gradient of the recurrent pre-activations of gate rows
     * {@code [g0, g0+n)}, adds {@code dq·R[g0, g0+n)} to {@code dIn} {@code [B, H]},
     * {@code dqᵀ·in} to R's grad and {@code Σ dq} to Rb's grad.
     */
    protected final void backRecurrent(
            int batch, float[] dq, int dqOff, int ldq, int g0, int n, float[] in, int inOff, float[] dIn) {
        int hid = hiddenSize;
        BLAS.gemm(false, false, batch, hid, n, 1f, dq, dqOff, ldq, r.value().data(), g0 * hid, hid, 1f, dIn, 0, hid);
        BLAS.gemm(
                true,
                false,
                n,
                hid,
                batch,
                1f,
                dq,
                dqOff,
                ldq,
                in,
                inOff,
                hid,
                1f,
                r.grad().data(),
                g0 * hid,
                hid);
        Reductions.columnSums(batch, n, dq, dqOff, ldq, rb.grad().data(), g0, true);
    }

    /**
     * {@code dIn = dq·R} over all G·H gate rows for a batch ({@code dq} {@code [B, G·H]} at
     * {@code dqOff}, {@code dIn} {@code [B, H]} overwritten): the input half of
     * {@link #backRecurrent}, for cells that add the weight half for the whole sequence at once
     * with {@link #addRecurrentWeightGradients}.
     */
    protected final void recurrentInputGradient(int batch, float[] dq, int dqOff, float[] dIn) {
        int hid = hiddenSize;
        int gh = gateWidth();
        BLAS.gemm(false, false, batch, hid, gh, 1f, dq, dqOff, gh, r.value().data(), 0, hid, 0f, dIn, 0, hid);
    }

    /**
     * The weight half of {@link #backRecurrent} for a whole sequence: adds
     * {@code Σₜ dqₜᵀ·hₜ₋₁} to R's grad and {@code Σ dq} to Rb's grad, where {@code dq}
     * {@code [T·B, G·H]} holds every step's recurrent pre-activation gradients by time and
     * hₜ₋₁ is the state each step started from. One product with depth T·B instead of T
     * products with depth B: R's gradient is read and written once instead of at every step.
     */
    protected final void addRecurrentWeightGradients(SequenceCache s, float[] dq) {
        int hid = hiddenSize;
        int gh = gateWidth();
        int rows = s.steps * s.batch;
        float[] hBefore = s.h;
        if (s.direction != Direction.FORWARD) {
            // the state before time t is in slot st(t): order the slots by time
            int bh = s.batch * hid;
            hBefore = new float[rows * hid];
            for (int t = 0; t < s.steps; t++) {
                System.arraycopy(s.h, s.direction.time(t, s.steps) * bh, hBefore, t * bh, bh);
            }
        }
        BLAS.gemm(
                true,
                false,
                gh,
                hid,
                rows,
                1f,
                dq,
                0,
                gh,
                hBefore,
                0,
                hid,
                1f,
                r.grad().data(),
                0,
                hid);
        Reductions.columnSums(rows, gh, dq, 0, gh, rb.grad().data(), 0, true);
    }

    private static float[] transpose(float[] x, int rows, int cols) {
        float[] t = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = x[i * cols + j];
            }
        }
        return t;
    }

    private void copyState(Tensor src, float[] dst, int batch, String what) {
        if (src == null) {
            return;
        }
        if (src.rank() != 2 || src.dim(0) != batch || src.dim(1) != hiddenSize) {
            throw new IllegalArgumentException(
                    what + " must be [" + batch + ", " + hiddenSize + "], got " + Arrays.toString(src.shape()));
        }
        System.arraycopy(src.data(), 0, dst, 0, batch * hiddenSize);
    }

    private static void checkLengths(int[] lengths, int steps, int batch) {
        if (lengths == null) {
            return;
        }
        if (lengths.length != batch) {
            throw new IllegalArgumentException(lengths.length + " sequence lengths for a batch of " + batch);
        }
        for (int b = 0; b < batch; b++) {
            if (lengths[b] < 1 || lengths[b] > steps) {
                throw new IllegalArgumentException(
                        "sequence " + b + " has length " + lengths[b] + ", outside 1.." + steps);
            }
        }
    }
}
