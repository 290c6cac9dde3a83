package dev.seqlab.rnn.cell;

import dev.seqlab.core.kernel.Activations;
import java.util.Arrays;

/**
 * The LSTM cell (ONNX {@code LSTM}, gate blocks {@code i, o, f, c}, no peepholes):
 * <pre>
 *   iₜ = σ(xₜ·Wᵢᵀ + hₜ₋₁·Rᵢᵀ + Wbᵢ + Rbᵢ)        input gate
 *   oₜ = σ(xₜ·Wₒᵀ + hₜ₋₁·Rₒᵀ + Wbₒ + Rbₒ)        output gate
 *   fₜ = σ(xₜ·W_fᵀ + hₜ₋₁·R_fᵀ + Wb_f + Rb_f)     forget gate
 *   c̃ₜ = tanh(xₜ·W_cᵀ + hₜ₋₁·R_cᵀ + Wb_c + Rb_c)  candidate
 *   cₜ = fₜ ⊙ cₜ₋₁ + iₜ ⊙ c̃ₜ
 *   hₜ = oₜ ⊙ tanh(cₜ)
 * </pre>
 * The course's {@code lstm_cell_forward} names them Γᵤ = i, Γ_f = f, Γₒ = o, c̃; its W's act on
 * the concatenation {@code [a_prev, x]}, i.e. on both R and W here.
 */
public final class LstmCell extends RecurrentCell {

    /** An LSTM cell with zero weights named {@code name.W}, …; call {@link #initialize}. */
    public LstmCell(String name, int inputSize, int hiddenSize) {
        super(name, CellKind.LSTM, inputSize, hiddenSize);
    }

    /** Forget-gate bias 1 (Jozefowicz et al. 2015): remember by default early in training. */
    @Override
    protected void initializeBiases(float[] inputBias) {
        int h = hiddenSize();
        Arrays.fill(inputBias, 2 * h, 3 * h, 1f);
    }

    @Override
    protected void stepForward(SequenceCache s, int st, int t) {
        int batch = s.batch;
        int h = hiddenSize();
        int gh = 4 * h;
        int actOff = st * batch * gh;
        int prev = st * batch * h;
        int next = prev + batch * h;
        s.loadInputProjection(st, t);
        addRecurrent(s, batch, s.h, prev, 0, gh, s.act, actOff, gh);
        for (int b = 0; b < batch; b++) {
            int row = actOff + b * gh;
            Activations.sigmoid(3 * h, s.act, row, s.act, row);
            Activations.tanh(h, s.act, row + 3 * h, s.act, row + 3 * h);
            int cr = next + b * h;
            int pr = prev + b * h;
            for (int j = 0; j < h; j++) {
                s.c[cr + j] = s.act[row + 2 * h + j] * s.c[pr + j] + s.act[row + j] * s.act[row + 3 * h + j];
            }
            Activations.tanh(h, s.c, cr, s.h, cr);
            for (int j = 0; j < h; j++) {
                s.h[cr + j] *= s.act[row + h + j];
            }
        }
    }

    @Override
    protected void stepBackward(SequenceCache s, int st, int t, float[] dh, float[] dc, float[] dxw) {
        int batch = s.batch;
        int h = hiddenSize();
        int gh = 4 * h;
        int actOff = st * batch * gh;
        int dOff = t * batch * gh;
        int prev = st * batch * h;
        int next = prev + batch * h;
        float[] tc = s.scratch1();
        Activations.tanh(batch * h, s.c, next, tc, 0);
        for (int b = 0; b < batch; b++) {
            int row = actOff + b * gh;
            int drow = dOff + b * gh;
            for (int j = 0; j < h; j++) {
                int k = b * h + j;
                float i = s.act[row + j];
                float o = s.act[row + h + j];
                float f = s.act[row + 2 * h + j];
                float g = s.act[row + 3 * h + j];
                float tck = tc[k];
                float dhv = dh[k];
                float dcv = dc[k] + dhv * o * (1 - tck * tck);
                dxw[drow + j] = dcv * g * i * (1 - i);
                dxw[drow + h + j] = dhv * tck * o * (1 - o);
                dxw[drow + 2 * h + j] = dcv * s.c[prev + k] * f * (1 - f);
                dxw[drow + 3 * h + j] = dcv * i * (1 - g * g);
                dc[k] = dcv * f;
            }
        }
        recurrentInputGradient(batch, dxw, dOff, dh);
    }

    /** R's and Rb's gradients for the whole sequence in one product (see {@link #addRecurrentWeightGradients}). */
    @Override
    protected void finishBackward(SequenceCache s, float[] dxw) {
        addRecurrentWeightGradients(s, dxw);
    }
}
