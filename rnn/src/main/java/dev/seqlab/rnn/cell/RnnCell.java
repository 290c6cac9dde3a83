package dev.seqlab.rnn.cell;

import dev.seqlab.core.kernel.Activations;

/**
 * The Elman RNN cell (ONNX {@code RNN} with tanh):
 * <pre>
 *   hₜ = tanh(xₜ·Wᵀ + hₜ₋₁·Rᵀ + Wb + Rb)
 * </pre>
 * The course's {@code rnn_cell_forward} is this cell with {@code W = Wax}, {@code R = Waa},
 * {@code Wb + Rb = ba}; its output layer {@code softmax(Wya·a + by)} is a separate Dense layer.
 */
public final class RnnCell extends RecurrentCell {

    /** An RNN cell with zero weights named {@code name.W}, …; call {@link #initialize}. */
    public RnnCell(String name, int inputSize, int hiddenSize) {
        super(name, CellKind.RNN, inputSize, hiddenSize);
    }

    @Override
    protected void stepForward(SequenceCache s, int st, int t) {
        int bh = s.batch * hiddenSize();
        int off = st * bh;
        System.arraycopy(s.xw, t * bh, s.act, off, bh);
        addRecurrent(s, s.batch, s.h, off, 0, hiddenSize(), s.act, off, hiddenSize());
        Activations.tanh(bh, s.act, off, s.act, off);
        System.arraycopy(s.act, off, s.h, off + bh, bh);
    }

    @Override
    protected void stepBackward(SequenceCache s, int st, int t, float[] dh, float[] dc, float[] dxw) {
        int bh = s.batch * hiddenSize();
        int actOff = st * bh;
        int dOff = t * bh;
        for (int i = 0; i < bh; i++) {
            float y = s.act[actOff + i];
            dxw[dOff + i] = dh[i] * (1 - y * y);
        }
        recurrentInputGradient(s.batch, dxw, dOff, dh);
    }

    /** R's and Rb's gradients for the whole sequence in one product (see {@link #addRecurrentWeightGradients}). */
    @Override
    protected void finishBackward(SequenceCache s, float[] dxw) {
        addRecurrentWeightGradients(s, dxw);
    }
}
