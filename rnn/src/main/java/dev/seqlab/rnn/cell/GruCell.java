package dev.seqlab.rnn.cell;

import dev.seqlab.core.kernel.Activations;
import java.util.Arrays;

/**
 * The GRU cell (ONNX {@code GRU}, gate blocks {@code z, r, h}):
 * <pre>
 *   zₜ = σ(xₜ·W_zᵀ + hₜ₋₁·R_zᵀ + Wb_z + Rb_z)                  update gate
 *   rₜ = σ(xₜ·W_rᵀ + hₜ₋₁·R_rᵀ + Wb_r + Rb_r)                  reset gate
 *   h̃ₜ = tanh(xₜ·W_hᵀ + (rₜ ⊙ hₜ₋₁)·R_hᵀ + Rb_h + Wb_h)        linear_before_reset = 0
 *   h̃ₜ = tanh(xₜ·W_hᵀ + rₜ ⊙ (hₜ₋₁·R_hᵀ + Rb_h) + Wb_h)       linear_before_reset = 1 (PyTorch, cuDNN)
 *   hₜ = (1 − zₜ) ⊙ h̃ₜ + zₜ ⊙ hₜ₋₁
 * </pre>
 */
public final class GruCell extends RecurrentCell {
    private final boolean linearBeforeReset;

    /**
     * A GRU cell with zero weights named {@code name.W}, …; call {@link #initialize}.
     *
     * @param linearBeforeReset apply the reset gate after the recurrent product (true: PyTorch's
     *                          GRU) or before it (false: the original formulation, ONNX's default)
     */
    public GruCell(String name, int inputSize, int hiddenSize, boolean linearBeforeReset) {
        super(name, CellKind.GRU, inputSize, hiddenSize);
        this.linearBeforeReset = linearBeforeReset;
    }

    /** Whether the reset gate applies after the recurrent product. */
    public boolean linearBeforeReset() {
        return linearBeforeReset;
    }

    @Override
    protected void stepForward(SequenceCache s, int st, int t) {
        int batch = s.batch;
        int h = hiddenSize();
        int gh = 3 * h;
        int actOff = st * batch * gh;
        int prev = st * batch * h;
        int next = prev + batch * h;
        int aux = st * batch * h;
        s.loadInputProjection(st, t);
        addRecurrent(s, batch, s.h, prev, 0, 2 * h, s.act, actOff, gh);
        for (int b = 0; b < batch; b++) {
            Activations.sigmoid(2 * h, s.act, actOff + b * gh, s.act, actOff + b * gh);
        }
        if (linearBeforeReset) {
            // aux = h_prev·R_hᵀ + Rb_h; candidate pre-activation += r ⊙ aux
            Arrays.fill(s.aux, aux, aux + batch * h, 0f);
            addRecurrent(s, batch, s.h, prev, 2 * h, h, s.aux, aux, h);
            for (int b = 0; b < batch; b++) {
                int row = actOff + b * gh;
                for (int j = 0; j < h; j++) {
                    s.act[row + 2 * h + j] += s.act[row + h + j] * s.aux[aux + b * h + j];
                }
            }
        } else {
            // aux = r ⊙ h_prev; candidate pre-activation += aux·R_hᵀ + Rb_h
            for (int b = 0; b < batch; b++) {
                int row = actOff + b * gh;
                for (int j = 0; j < h; j++) {
                    s.aux[aux + b * h + j] = s.act[row + h + j] * s.h[prev + b * h + j];
                }
            }
            addRecurrent(s, batch, s.aux, aux, 2 * h, h, s.act, actOff + 2 * h, gh);
        }
        for (int b = 0; b < batch; b++) {
            int row = actOff + b * gh;
            Activations.tanh(h, s.act, row + 2 * h, s.act, row + 2 * h);
            for (int j = 0; j < h; j++) {
                float z = s.act[row + j];
                s.h[next + b * h + j] = (1 - z) * s.act[row + 2 * h + j] + z * s.h[prev + b * h + j];
            }
        }
    }

    @Override
    protected void stepBackward(SequenceCache s, int st, int t, float[] dh, float[] dc, float[] dxw) {
        int batch = s.batch;
        int h = hiddenSize();
        int gh = 3 * h;
        int actOff = st * batch * gh;
        int dOff = t * batch * gh;
        int prev = st * batch * h;
        int aux = st * batch * h;
        float[] dPrev = s.scratch1();
        // z gate, candidate; the direct path hₜ₋₁ → hₜ through z
        for (int b = 0; b < batch; b++) {
            int row = actOff + b * gh;
            int drow = dOff + b * gh;
            for (int j = 0; j < h; j++) {
                int k = b * h + j;
                float z = s.act[row + j];
                float n = s.act[row + 2 * h + j];
                float hp = s.h[prev + k];
                float dhv = dh[k];
                dxw[drow + j] = dhv * (hp - n) * z * (1 - z);
                dxw[drow + 2 * h + j] = dhv * (1 - z) * (1 - n * n);
                dPrev[k] = dhv * z;
            }
        }
        if (linearBeforeReset) {
            // dq = [dz, dr, dn ⊙ r] are the gradients of h_prev·Rᵀ + Rb
            float[] dq = s.scratch2();
            for (int b = 0; b < batch; b++) {
                int row = actOff + b * gh;
                int drow = dOff + b * gh;
                for (int j = 0; j < h; j++) {
                    float r = s.act[row + h + j];
                    float dn = dxw[drow + 2 * h + j];
                    dxw[drow + h + j] = dn * s.aux[aux + b * h + j] * r * (1 - r);
                    dq[b * gh + j] = dxw[drow + j];
                    dq[b * gh + h + j] = dxw[drow + h + j];
                    dq[b * gh + 2 * h + j] = dn * r;
                }
            }
            backRecurrent(batch, dq, 0, gh, 0, gh, s.h, prev, dPrev);
        } else {
            // d(r ⊙ h_prev) = dn·R_h, then split into dr and the path to h_prev
            float[] dRh = s.scratch2();
            backRecurrent(batch, dxw, dOff + 2 * h, gh, 2 * h, h, s.aux, aux, dRh);
            for (int b = 0; b < batch; b++) {
                int row = actOff + b * gh;
                int drow = dOff + b * gh;
                for (int j = 0; j < h; j++) {
                    int k = b * h + j;
                    float r = s.act[row + h + j];
                    float d = dRh[k];
                    dxw[drow + h + j] = d * s.h[prev + k] * r * (1 - r);
                    dPrev[k] += d * r;
                }
            }
            backRecurrent(batch, dxw, dOff, gh, 0, 2 * h, s.h, prev, dPrev);
        }
        System.arraycopy(dPrev, 0, dh, 0, batch * h);
    }
}
