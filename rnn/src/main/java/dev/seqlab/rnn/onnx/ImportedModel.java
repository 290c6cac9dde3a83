package dev.seqlab.rnn.onnx;

import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.TensorSpec;
import dev.seqlab.rnn.layer.Dense;
import dev.seqlab.rnn.layer.Embedding;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An ONNX graph imported by {@link RecurrentOnnxImport}: its recurrent nodes as seqlab cells, its
 * embeddings and output layers as seqlab layers, run with the graph's named inputs and outputs
 * (the same {@link HostTensor}s an ONNX Runtime session takes, so both can be fed alike).
 *
 * <p>Holds no native resources. {@link #run} may be called from several threads at once: it
 * keeps its intermediate values per call and only reads the weights.
 */
public final class ImportedModel {
    private final String name;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final Map<String, String> metadata;
    private final Map<String, Val> constants;
    private final List<RecurrentOnnxImport.Step> steps;
    private final List<ImportedRecurrent> recurrent;
    private final List<Embedding> embeddings;
    private final List<Dense> dense;

    ImportedModel(String name, List<TensorSpec> inputs, List<TensorSpec> outputs, Map<String, String> metadata,
                  Map<String, Val> constants, List<RecurrentOnnxImport.Step> steps,
                  List<ImportedRecurrent> recurrent, List<Embedding> embeddings, List<Dense> dense) {
        this.name = name;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.metadata = Map.copyOf(metadata);
        this.constants = Map.copyOf(constants);
        this.steps = List.copyOf(steps);
        this.recurrent = List.copyOf(recurrent);
        this.embeddings = List.copyOf(embeddings);
        this.dense = List.copyOf(dense);
    }

    /** The file (or graph) name the model was imported from. */
    public String name() {
        return name;
    }

    /** The inputs a caller feeds, in the graph's order (initialisers are not listed). */
    public List<TensorSpec> inputs() {
        return inputs;
    }

    /** The graph's outputs, in its order. */
    public List<TensorSpec> outputs() {
        return outputs;
    }

    /** The model's metadata entries ({@code metadata_props}). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The recurrent nodes, in graph order, as seqlab cells. */
    public List<ImportedRecurrent> recurrentNodes() {
        return recurrent;
    }

    /** The embedding lookups ({@code Gather} on a weight matrix), in graph order. */
    public List<Embedding> embeddings() {
        return embeddings;
    }

    /** The dense layers ({@code Gemm}, or {@code MatMul} by a weight matrix with zero bias), in graph order. */
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
        Map<String, Val> env = new HashMap<>(constants);
        for (String given : feeds.keySet()) {
            if (inputs.stream().noneMatch(s -> s.name().equals(given))) {
                throw new IllegalArgumentException("unknown input '" + given + "'; " + listInputs());
            }
        }
        for (TensorSpec spec : inputs) {
            HostTensor t = feeds.get(spec.name());
            if (t == null) {
                throw new IllegalArgumentException("missing input '" + spec.name() + "' (" + spec.elementType() + " "
                        + spec.shapeText() + "); " + listInputs());
            }
            if (!t.type().onnxName().equals(spec.elementType()) || !spec.shape().isEmpty() && t.rank() != spec.rank()) {
                throw new IllegalArgumentException("input '" + spec.name() + "' expects " + spec.elementType() + " "
                        + spec.shapeText() + ", given " + t);
            }
            env.put(spec.name(), Val.fromHost(t));
        }
        for (RecurrentOnnxImport.Step s : steps) {
            s.run(env);
        }
        Map<String, HostTensor> out = new LinkedHashMap<>();
        for (TensorSpec o : outputs) {
            Val v = env.get(o.name());
            if (v == null) {
                throw new IllegalStateException("the graph does not compute its output '" + o.name() + "'");
            }
            out.put(o.name(), v.toHost(o.name()));
        }
        return out;
    }

    private String listInputs() {
        return "the model's inputs are " + inputs.stream().map(TensorSpec::toString).collect(Collectors.joining(", "));
    }

    /** {@code ImportedModel[model.onnx: 2 recurrent nodes, inputs [...], outputs [...]]}. */
    @Override
    public String toString() {
        return "ImportedModel[" + name + ": " + recurrent.size() + " recurrent node(s), inputs " + inputs
                + ", outputs " + outputs + "]";
    }
}
