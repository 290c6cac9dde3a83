package dev.seqlab.rnn.layer;

import dev.seqlab.core.init.Initializer;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.param.Parameters;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.tensor.Tensor;
import java.util.Arrays;

/**
 * A lookup table {@code E [V, D]}: token ids become rows of E. Ids equal to the padding id
 * (if any) give zero vectors and receive no gradient.
 */
public final class Embedding {
    /** Pass as padding id when no id is padding. */
    public static final int NO_PADDING = -1;

    private final int vocab;
    private final int dim;
    private final int paddingId;
    private final Parameter table;
    private final Parameters params = new Parameters();

    /**
     * @param paddingId the id that stands for padding, or {@link #NO_PADDING}
     */
    public Embedding(String name, int vocab, int dim, int paddingId) {
        if (vocab < 1 || dim < 1) {
            throw new IllegalArgumentException("embedding sizes must be positive, got vocab=" + vocab + ", dim=" + dim);
        }
        if (paddingId != NO_PADDING && (paddingId < 0 || paddingId >= vocab)) {
            throw new IllegalArgumentException("padding id " + paddingId + " outside the vocabulary of " + vocab);
        }
        this.vocab = vocab;
        this.dim = dim;
        this.paddingId = paddingId;
        this.table = params.add(Parameter.zeros(name + ".E", vocab, dim));
    }

    /** N(0, 1) entries (as PyTorch's nn.Embedding), the padding row zero. */
    public void initialize(SeededRandom rng) {
        Initializer.normal(0, 1).fill(table.value(), rng);
        if (paddingId != NO_PADDING) {
            Arrays.fill(table.value().data(), paddingId * dim, (paddingId + 1) * dim, 0f);
        }
    }

    /** The table. */
    public Parameters parameters() {
        return params;
    }

    /** The table parameter {@code [V, D]}. */
    public Parameter table() {
        return table;
    }

    /** V, the number of rows. */
    public int vocabularySize() {
        return vocab;
    }

    /** The padding id, or {@link #NO_PADDING}. */
    public int paddingId() {
        return paddingId;
    }

    /** D. */
    public int dim() {
        return dim;
    }

    /**
     * Looks up {@code ids} (any layout, e.g. {@code [T·B]} time-major) into rows of {@code [n, D]}.
     *
     * @throws IllegalArgumentException naming the position of an id outside the vocabulary
     */
    public Tensor forward(int[] ids) {
        Tensor out = Tensor.zeros(ids.length, dim);
        float[] e = table.value().data();
        float[] o = out.data();
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (id == paddingId) {
                continue;
            }
            if (id < 0 || id >= vocab) {
                throw new IllegalArgumentException(
                        "token id " + id + " at position " + i + " is outside the vocabulary of " + vocab);
            }
            System.arraycopy(e, id * dim, o, i * dim, dim);
        }
        return out;
    }

    /** Adds the rows of {@code dOut} {@code [n, D]} to the gradient rows of their ids. */
    public void backward(int[] ids, Tensor dOut) {
        float[] g = table.grad().data();
        float[] d = dOut.data();
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (id == paddingId) {
                continue;
            }
            int go = id * dim;
            int dOff = i * dim;
            for (int j = 0; j < dim; j++) {
                g[go + j] += d[dOff + j];
            }
        }
    }
}
