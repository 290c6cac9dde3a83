package dev.seqlab.rnn.onnx;

import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.TensorSpec;
import dev.seqlab.onnx.interpret.GraphInterpreter;
import dev.seqlab.rnn.layer.Dense;
import dev.seqlab.rnn.layer.Embedding;
import java.util.List;
import java.util.Map;

/**
 * An ONNX graph imported by {@link RecurrentOnnxImport}: its recurrent nodes as seqlab cells, its
 * embeddings and output layers as seqlab layers, run with the graph's named inputs and outputs
 * (the same {@link HostTensor}s an ONNX Runtime session takes, so both can be fed alike).
 *
 * <p>Holds no native resources. {@link #run} may be called from several threads at once: it
 * keeps its intermediate values per call and only reads the weights.
 */
public final class ImportedModel {
    private final GraphInterpreter graph;
    private final List<ImportedRecurrent> recurrent;
    private final List<Embedding> embeddings;
    private final List<Dense> dense;

    ImportedModel(
            GraphInterpreter graph, List<ImportedRecurrent> recurrent, List<Embedding> embeddings, List<Dense> dense) {
        this.graph = graph;
        this.recurrent = List.copyOf(recurrent);
        this.embeddings = List.copyOf(embeddings);
        this.dense = List.copyOf(dense);
    }

    /** The file (or graph) name the model was imported from. */
    public String name() {
        return graph.name();
    }

    /** The inputs a caller feeds, in the graph's order (initialisers are not listed). */
    public List<TensorSpec> inputs() {
        return graph.inputs();
    }

    /** The graph's outputs, in its order. */
    public List<TensorSpec> outputs() {
        return graph.outputs();
    }

    /** The model's metadata entries ({@code metadata_props}). */
    public Map<String, String> metadata() {
        return graph.metadata();
    }

    /** The recurrent nodes, in graph order, as seqlab cells. */
    public List<ImportedRecurrent> recurrentNodes() {
        return recurrent;
    }

    /** The embedding lookups ({@code Gather} on a weight matrix), in graph order. */
    public List<Embedding> embeddings() {
        return embeddings;
    }

    /** The dense layers ({@code Gemm}, or {@code MatMul} by a weight matrix), in graph order. */
    public List<Dense> denseLayers() {
        return dense;
    }

    /**
     * Runs the graph on seqlab's cells and kernels; returns every output by name, in the graph's order.
     *
     * @throws IllegalArgumentException if an input is missing or unknown, has the wrong element
     *                                  type or rank, or a node cannot compute on it (the message
     *                                  names the node)
     */
    public Map<String, HostTensor> run(Map<String, HostTensor> feeds) {
        return graph.run(feeds);
    }

    /** {@code ImportedModel[model.onnx: 2 recurrent nodes, inputs [...], outputs [...]]}. */
    @Override
    public String toString() {
        return "ImportedModel[" + name() + ": " + recurrent.size() + " recurrent node(s), inputs " + inputs()
                + ", outputs " + outputs() + "]";
    }
}
