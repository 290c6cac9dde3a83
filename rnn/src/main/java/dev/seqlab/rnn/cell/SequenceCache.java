package dev.seqlab.rnn.cell;

import java.util.Arrays;

/**
 * What a forward pass over a sequence keeps for its backward pass. Buffers indexed by
 * <em>step</em> follow processing order (for {@link Direction#REVERSE}, step 0 is the last time
 * index); {@code xw} is indexed by time. All are row-major with the batch's rows contiguous.
 */
public final class SequenceCache {
    final RecurrentCell cell;
    final Direction direction;
    final int steps;
    final int batch;
    /** The inputs {@code [T·B, I]}, by time (the caller's array, not copied). */
    final float[] x;
    /** For one-hot inputs, the column of each row's 1 (−1: a zero row), else null; see {@link OneHotRows}. */
    int[] oneHot;
    /** Per-sequence lengths, or null when every sequence has all T steps. */
    final int[] lengths;
    /** {@code X·Wᵀ + Wb}, {@code [T·B, G·H]}, by time (until the steps overwrite it, see {@link #act}). */
    final float[] xw;
    /**
     * Activated gates, {@code [T·B, G·H]}, by step. For {@link Direction#FORWARD}, where step and
     * time agree, this is {@link #xw} itself: each step overwrites its own pre-activations, which
     * nothing reads again.
     */
    final float[] act;
    /** Hidden states, {@code [(T+1)·B, H]}: slot 0 holds h₀, slot s+1 the state after step s. */
    final float[] h;
    /** Cell states like {@link #h} (LSTM only, else null). */
    final float[] c;
    /** A cell's extra per-step values, {@code [T·B, H]} (GRU only, else null). */
    final float[] aux;

    /**
     * Rᵀ {@code [H, G·H]} as the forward pass started, for batches of several sequences (else
     * null); see {@link RecurrentCell#addRecurrent}.
     */
    float[] rTransposed;

    private float[] scratch1;
    private float[] scratch2;

    /** A reusable {@code [B, H]} buffer, zeroed. */
    float[] scratch1() {
        int n = batch * cell.hiddenSize();
        if (scratch1 == null) {
            scratch1 = new float[n];
        } else {
            Arrays.fill(scratch1, 0f);
        }
        return scratch1;
    }

    /** A second reusable buffer of {@code [B, G·H]}, zeroed. */
    float[] scratch2() {
        int n = batch * cell.gateWidth();
        if (scratch2 == null) {
            scratch2 = new float[n];
        } else {
            Arrays.fill(scratch2, 0f);
        }
        return scratch2;
    }

    SequenceCache(RecurrentCell cell, Direction direction, int steps, int batch, float[] x, int[] lengths) {
        int gh = cell.gateWidth();
        int hid = cell.hiddenSize();
        this.cell = cell;
        this.direction = direction;
        this.steps = steps;
        this.batch = batch;
        this.x = x;
        this.lengths = lengths;
        this.xw = new float[steps * batch * gh];
        this.act = direction == Direction.FORWARD ? xw : new float[steps * batch * gh];
        this.h = new float[(steps + 1) * batch * hid];
        this.c = cell.kind().hasCellState() ? new float[(steps + 1) * batch * hid] : null;
        this.aux = cell.kind() == CellKind.GRU ? new float[steps * batch * hid] : null;
    }

    /**
     * Starts step {@code st}'s gate rows in {@link #act} from {@code X·Wᵀ + Wb} at time {@code t}
     * (nothing to copy when they share the array).
     */
    void loadInputProjection(int st, int t) {
        int n = batch * cell.gateWidth();
        if (act != xw) {
            System.arraycopy(xw, t * n, act, st * n, n);
        }
    }

    /** True when sequence {@code b} has a real input at time {@code t}. */
    boolean active(int b, int t) {
        return lengths == null || t < lengths[b];
    }

    /** The number of time steps. */
    public int steps() {
        return steps;
    }

    /** The batch size. */
    public int batch() {
        return batch;
    }
}
