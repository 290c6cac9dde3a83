package dev.seqlab.onnx.interpret;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.TensorSpec;
import dev.seqlab.onnx.inspect.OnnxInspector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An ONNX graph prepared to run on seqlab's kernels: every node is prepared once by its
 * {@link Operator} from an {@link OperatorRegistry}, nodes whose inputs are all known when the
 * graph is read are computed then (constant folding), and {@link #run} computes the rest with
 * the graph's named inputs and outputs as {@link HostTensor}s.
 *
 * <pre>{@code
 * GraphInterpreter g = GraphInterpreter.prepare(OnnxFiles.read(file), OperatorRegistry.standard(), file);
 * Map<String, HostTensor> out = g.run(Map.of("x", HostTensor.floats(x, 2, 4)));
 * }</pre>
 *
 * <p>Holds no native resources; {@link #run} may be called from several threads at once.
 */
public final class GraphInterpreter {
    /** The default operator set version assumed when a model names none. */
    public static final long DEFAULT_OPSET = 14;

    private final String name;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private final Map<String, String> metadata;
    private final Map<String, HostTensor> constants;
    private final List<Prepared> steps;

    /** One prepared node: where its inputs come from and where its outputs go. */
    private record Prepared(String label, List<String> inputs, List<String> outputs, Step step) {}

    private GraphInterpreter(
            String name,
            List<TensorSpec> inputs,
            List<TensorSpec> outputs,
            Map<String, String> metadata,
            Map<String, HostTensor> constants,
            List<Prepared> steps) {
        this.name = name;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.metadata = Map.copyOf(metadata);
        this.constants = Map.copyOf(constants);
        this.steps = List.copyOf(steps);
    }

    /**
     * Prepares a parsed model.
     *
     * @param file names the model in messages (may be null)
     * @throws MalformedFileException {@code FILE: unsupported operator Loop (node 'loop_1'); supported: Add, …},
     *                                or another one-line reason the graph cannot be computed
     */
    public static GraphInterpreter prepare(ModelProto model, OperatorRegistry registry, Path file)
            throws MalformedFileException {
        try {
            return build(model, registry, file);
        } catch (UnsupportedGraphException e) {
            throw new MalformedFileException(file, 0, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(file, 0, "cannot import the graph: " + e.getMessage());
        }
    }

    private static String qualified(NodeProto n) {
        String domain = n.getDomain();
        return domain.isEmpty() || domain.equals("ai.onnx") ? n.getOpType() : domain + "." + n.getOpType();
    }

    private static GraphInterpreter build(ModelProto model, OperatorRegistry registry, Path file) {
        GraphProto graph = model.getGraph();
        long opset = -1;
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                opset = o.getVersion();
            }
        }
        opset = opset < 0 ? DEFAULT_OPSET : opset;
        // every node first, so the message names the first unsupported operator
        for (NodeProto n : graph.getNodeList()) {
            if (!registry.supports(n.getDomain(), n.getOpType())) {
                throw new UnsupportedGraphException("unsupported operator " + qualified(n) + " (node '" + Node.name(n)
                        + "'); supported: " + registry.supportedText());
            }
        }
        Map<String, HostTensor> constants = new HashMap<>();
        Set<String> initializers = new HashSet<>();
        for (TensorProto t : graph.getInitializerList()) {
            constants.put(t.getName(), Tensors.fromProto(t));
            initializers.add(t.getName());
        }
        List<Prepared> steps = new ArrayList<>();
        for (NodeProto n : graph.getNodeList()) {
            Node node = new Node(n, constants, opset);
            Step step = registry.get(n.getOpType()).prepare(node);
            Prepared p = new Prepared(node.where(), n.getInputList(), n.getOutputList(), step);
            if (n.getInputList().stream().allMatch(i -> i.isEmpty() || constants.containsKey(i))) {
                run(p, constants); // known now: computed once, here
            } else {
                steps.add(p);
            }
        }
        List<TensorSpec> inputs = new ArrayList<>();
        for (ValueInfoProto v : graph.getInputList()) {
            if (!initializers.contains(v.getName())) {
                inputs.add(OnnxInspector.spec(v));
            }
        }
        List<TensorSpec> outputs = new ArrayList<>();
        for (ValueInfoProto v : graph.getOutputList()) {
            outputs.add(OnnxInspector.spec(v));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (StringStringEntryProto e : model.getMetadataPropsList()) {
            metadata.put(e.getKey(), e.getValue());
        }
        String name = file != null ? file.toString() : graph.getName().isEmpty() ? "<onnx>" : graph.getName();
        return new GraphInterpreter(name, inputs, outputs, metadata, constants, steps);
    }

    private static void run(Prepared p, Map<String, HostTensor> env) {
        HostTensor[] in = new HostTensor[p.inputs().size()];
        for (int i = 0; i < in.length; i++) {
            String v = p.inputs().get(i);
            if (!v.isEmpty()) {
                in[i] = env.get(v);
                if (in[i] == null) {
                    throw new IllegalArgumentException(p.label() + ": value '" + v + "' has not been computed");
                }
            }
        }
        HostTensor[] out;
        try {
            out = p.step().run(in);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | ClassCastException e) {
            throw new IllegalArgumentException(p.label() + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < p.outputs().size() && i < out.length; i++) {
            String o = p.outputs().get(i);
            if (!o.isEmpty() && out[i] != null) {
                env.put(o, out[i]);
            }
        }
    }

    /** The file (or graph) name the model was read from. */
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

    /** How many nodes run on every call (the others were computed when the graph was prepared). */
    public int runtimeNodes() {
        return steps.size();
    }

    /**
     * Runs the graph; returns every output by name, in the graph's order.
     *
     * @throws IllegalArgumentException if an input is missing or unknown, has the wrong element
     *                                  type or rank, or a node cannot compute on it (the message
     *                                  names the node)
     */
    public Map<String, HostTensor> run(Map<String, HostTensor> feeds) {
        Map<String, HostTensor> env = new HashMap<>(constants);
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
            env.put(spec.name(), t);
        }
        for (Prepared p : steps) {
            run(p, env);
        }
        Map<String, HostTensor> out = new LinkedHashMap<>();
        for (TensorSpec o : outputs) {
            HostTensor v = env.get(o.name());
            if (v == null) {
                throw new IllegalStateException("the graph does not compute its output '" + o.name() + "'");
            }
            out.put(o.name(), v);
        }
        return out;
    }

    private String listInputs() {
        return "the model's inputs are "
                + inputs.stream().map(TensorSpec::toString).collect(Collectors.joining(", "));
    }

    /** {@code GraphInterpreter[model.onnx: 12 nodes, inputs [...], outputs [...]]}. */
    @Override
    public String toString() {
        return "GraphInterpreter[" + name + ": " + steps.size() + " node(s), inputs " + inputs + ", outputs " + outputs
                + "]";
    }
}
