package dev.seqlab.rnn.onnx;

import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.HostTensor.ElementType;
import dev.seqlab.onnx.interpret.Node;
import dev.seqlab.onnx.interpret.Operator;
import dev.seqlab.onnx.interpret.OperatorRegistry;
import dev.seqlab.onnx.interpret.Step;
import dev.seqlab.onnx.interpret.Tensors;
import dev.seqlab.rnn.layer.Dense;
import dev.seqlab.rnn.layer.Embedding;
import java.util.Arrays;
import java.util.List;

/**
 * What the rnn module registers on the ONNX interpreter: {@code LSTM}, {@code GRU} and
 * {@code RNN} on seqlab's cells ({@link RecurrentNodeOperator}), and the weight-holding nodes
 * around them on seqlab's layers, which is what makes an imported char model run at seqlab's
 * speed: {@code Gemm} and {@code MatMul} by a stored weight matrix on {@link Dense}, {@code Gather}
 * of rows of a stored matrix on {@link Embedding}. Other uses of those three fall back to the
 * standard operators. The layers made are collected into the given lists, in graph order.
 */
final class RecurrentOperators {
    private final List<ImportedRecurrent> recurrent;
    private final List<Embedding> embeddings;
    private final List<Dense> dense;

    RecurrentOperators(List<ImportedRecurrent> recurrent, List<Embedding> embeddings, List<Dense> dense) {
        this.recurrent = recurrent;
        this.embeddings = embeddings;
        this.dense = dense;
    }

    /** The standard operators with the recurrent ones and the layer-backed Gemm, MatMul and Gather. */
    OperatorRegistry registry() {
        OperatorRegistry standard = OperatorRegistry.standard();
        Operator gemm = standard.get("Gemm");
        Operator matmul = standard.get("MatMul");
        Operator gather = standard.get("Gather");
        Operator cells = new RecurrentNodeOperator(recurrent);
        return standard.with("LSTM", cells)
                .with("GRU", cells)
                .with("RNN", cells)
                .with("Gemm", node -> denseGemm(node, gemm))
                .with("MatMul", node -> denseMatMul(node, matmul))
                .with("Gather", node -> embedding(node, gather));
    }

    private Step denseGemm(Node node, Operator fallback) {
        boolean transA = node.intAttribute("transA", 0) != 0;
        boolean transB = node.intAttribute("transB", 0) != 0;
        float alpha = node.floatAttribute("alpha", 1f);
        float beta = node.floatAttribute("beta", 1f);
        HostTensor b = node.constant(1);
        HostTensor c = node.constant(2);
        boolean noC = !node.hasInput(2);
        if (b != null
                && b.type() == ElementType.FLOAT
                && b.rank() == 2
                && !transA
                && alpha == 1f
                && (noC
                        || beta == 1f
                                && c != null
                                && c.type() == ElementType.FLOAT
                                && c.rank() <= 2
                                && c.size() == (transB ? b.dim(0) : b.dim(1)))) {
            Dense d = dense(node, b, transB, noC ? null : c);
            return in -> Step.one(forward(d, in[0]));
        }
        return fallback.prepare(node);
    }

    private Step denseMatMul(Node node, Operator fallback) {
        HostTensor b = node.constant(1);
        if (b != null && b.type() == ElementType.FLOAT && b.rank() == 2) {
            Dense d = dense(node, b, false, null);
            return in -> Step.one(forward(d, in[0]));
        }
        return fallback.prepare(node);
    }

    /** A Dense layer {@code y = x·Wᵀ + b} from a weight matrix {@code [K, N]} (or {@code [N, K]} when transposed). */
    private Dense dense(Node node, HostTensor b, boolean transposed, HostTensor bias) {
        int k = (int) (transposed ? b.dim(1) : b.dim(0));
        int out = (int) (transposed ? b.dim(0) : b.dim(1));
        Dense d = new Dense(node.name(), k, out);
        float[] w = d.w().value().data();
        float[] src = b.floats();
        if (transposed) {
            System.arraycopy(src, 0, w, 0, w.length);
        } else {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < out; j++) {
                    w[j * k + i] = src[i * out + j];
                }
            }
        }
        if (bias != null) {
            System.arraycopy(bias.floats(), 0, d.b().value().data(), 0, out);
        }
        dense.add(d);
        return d;
    }

    private static HostTensor forward(Dense d, HostTensor x) {
        if (x.type() != ElementType.FLOAT || x.rank() < 1 || x.dim(x.rank() - 1) != d.inputSize()) {
            throw new IllegalArgumentException("input " + x + " does not end in " + d.inputSize());
        }
        int rows = (int) (x.size() / d.inputSize());
        float[] y = new float[rows * d.outputSize()];
        d.forward(rows, x.floats(), 0, y, 0);
        long[] shape = x.shape();
        shape[shape.length - 1] = d.outputSize();
        return HostTensor.floats(y, shape);
    }

    /** An embedding: rows of a stored weight matrix by token id. */
    private Step embedding(Node node, Operator fallback) {
        HostTensor table = node.constant(0);
        long axis = node.intAttribute("axis", 0);
        if (table == null || table.type() != ElementType.FLOAT || table.rank() != 2 || axis != 0 && axis != -2) {
            return fallback.prepare(node);
        }
        int rows = (int) table.dim(0);
        int dim = (int) table.dim(1);
        Embedding e = new Embedding(node.name(), rows, dim, Embedding.NO_PADDING);
        System.arraycopy(table.floats(), 0, e.table().value().data(), 0, rows * dim);
        embeddings.add(e);
        return in -> {
            long[] ids = Tensors.longValues(in[1]);
            int[] flat = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                long id = ids[i] < 0 ? ids[i] + rows : ids[i];
                if (id < 0 || id >= rows) {
                    throw new IllegalArgumentException("token id " + ids[i] + " at position " + i
                            + " is outside the embedding's " + rows + " rows");
                }
                flat[i] = (int) id;
            }
            long[] shape = Arrays.copyOf(in[1].shape(), in[1].rank() + 1);
            shape[in[1].rank()] = dim;
            return Step.one(HostTensor.floats(e.forward(flat).data(), shape));
        };
    }
}
