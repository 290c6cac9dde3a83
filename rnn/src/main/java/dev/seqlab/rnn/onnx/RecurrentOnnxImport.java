package dev.seqlab.rnn.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.onnx.TensorSpec;
import dev.seqlab.onnx.graph.OnnxFiles;
import dev.seqlab.onnx.inspect.OnnxInspector;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.cell.CellOutput;
import dev.seqlab.rnn.cell.Direction;
import dev.seqlab.rnn.cell.GruCell;
import dev.seqlab.rnn.cell.LstmCell;
import dev.seqlab.rnn.cell.RecurrentCell;
import dev.seqlab.rnn.cell.RnnCell;
import dev.seqlab.rnn.layer.Dense;
import dev.seqlab.rnn.layer.Embedding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads ONNX graphs of recurrent models into seqlab: each {@code LSTM}, {@code GRU} and
 * {@code RNN} node becomes seqlab cells holding its weights ({@link ImportedRecurrent}), an
 * embedding {@code Gather} on a weight matrix becomes an {@link Embedding}, a {@code Gemm} or
 * {@code MatMul} by a weight matrix becomes a {@link Dense} layer, and the glue exporters put
 * between them is computed as the ONNX operators define it. The result, an {@link ImportedModel},
 * runs the whole graph on seqlab's kernels with the graph's named inputs and outputs.
 *
 * <pre>{@code
 * ImportedModel m = RecurrentOnnxImport.read(Path.of("char-lstm.onnx"));
 * Map<String, HostTensor> out = m.run(Map.of("tokens", HostTensor.longs(ids, 1, ids.length), ...));
 * }</pre>
 *
 * <p>Supported: recurrent nodes forward, reverse and bidirectional, with or without
 * {@code sequence_lens}, {@code initial_h}, {@code initial_c}, GRU {@code linear_before_reset}
 * 0 and 1, default activations, {@code layout} 0; and the operators
 * {@value #SUPPORTED_OPS_TEXT}. Anything else (a {@code Loop}, an {@code Attention} node, LSTM
 * peepholes, custom activations, {@code clip}, weights computed at run time, external tensor
 * data, another operator domain) is refused at import with a one-line message naming the
 * operator and the node.
 */
public final class RecurrentOnnxImport {
    /** The operators besides LSTM, GRU and RNN that imported graphs may use. */
    public static final String SUPPORTED_OPS_TEXT = "Gather, Gemm, MatMul, Add, Sub, Mul, Div, Softmax, LogSoftmax, "
            + "Transpose, Reshape, Squeeze, Unsqueeze, Slice, Concat, Shape, Constant, ConstantOfShape, Expand, "
            + "Identity, Cast, Equal, Not, ReduceSum, Tanh, Sigmoid, Relu";
    private static final Set<String> SUPPORTED = new TreeSet<>(List.of(
            "LSTM", "GRU", "RNN", "Gather", "Gemm", "MatMul", "Add", "Sub", "Mul", "Div", "Softmax", "LogSoftmax",
            "Transpose", "Reshape", "Squeeze", "Unsqueeze", "Slice", "Concat", "Shape", "Constant", "ConstantOfShape",
            "Expand", "Identity", "Cast", "Equal", "Not", "ReduceSum", "Tanh", "Sigmoid", "Relu"));

    private RecurrentOnnxImport() {
    }

    /**
     * Reads and imports the ONNX model in {@code file}.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws MalformedFileException            {@code FILE: not an ONNX model (...)}, or
     *                                           {@code FILE: unsupported operator Loop (node 'loop_1') ...}
     *                                           and other one-line reasons the graph cannot be imported
     */
    public static ImportedModel read(Path file) throws IOException {
        return fromProto(OnnxFiles.read(file), file);
    }

    /**
     * Imports a parsed model.
     *
     * @param file names the model in messages (may be null)
     * @throws MalformedFileException naming the operator and node the importer does not support,
     *                                or what else is wrong with the graph
     */
    public static ImportedModel fromProto(ModelProto model, Path file) throws MalformedFileException {
        try {
            return new Builder(model, file).build();
        } catch (Unsupported e) {
            throw new MalformedFileException(file, 0, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(file, 0, "cannot import the graph: " + e.getMessage());
        }
    }

    /** A graph feature the importer refuses; becomes a {@link MalformedFileException}. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }

    /** One compiled node: reads its inputs from {@code env} and writes its outputs there. */
    interface Step {
        void run(Map<String, Val> env);
    }

    private static final class Builder {
        private final ModelProto model;
        private final Path file;
        private final GraphProto graph;
        private final long opset;
        private final Map<String, Val> constants = new HashMap<>();
        private final List<Step> steps = new ArrayList<>();
        private final List<ImportedRecurrent> recurrent = new ArrayList<>();
        private final List<Embedding> embeddings = new ArrayList<>();
        private final List<Dense> dense = new ArrayList<>();

        Builder(ModelProto model, Path file) {
            this.model = model;
            this.file = file;
            this.graph = model.getGraph();
            long v = -1;
            for (OperatorSetIdProto o : model.getOpsetImportList()) {
                if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                    v = o.getVersion();
                }
            }
            this.opset = v < 0 ? 14 : v;
        }

        ImportedModel build() {
            for (TensorProto t : graph.getInitializerList()) {
                constants.put(t.getName(), tensor(t));
            }
            // validate every node first, so the message names the first unsupported operator
            for (NodeProto n : graph.getNodeList()) {
                String domain = n.getDomain();
                if (!(domain.isEmpty() || domain.equals("ai.onnx")) || !SUPPORTED.contains(n.getOpType())) {
                    String op = domain.isEmpty() || domain.equals("ai.onnx") ? n.getOpType() : domain + "." + n.getOpType();
                    throw new Unsupported("unsupported operator " + op + " (node '" + nodeName(n)
                            + "'); seqlab imports LSTM, GRU and RNN graphs with " + SUPPORTED_OPS_TEXT);
                }
            }
            for (NodeProto n : graph.getNodeList()) {
                compile(n);
            }
            List<TensorSpec> inputs = new ArrayList<>();
            for (ValueInfoProto v : graph.getInputList()) {
                if (!isInitializer(v.getName())) {
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
            return new ImportedModel(name, inputs, outputs, metadata, constants, steps, recurrent,
                    embeddings, dense);
        }

        private boolean isInitializer(String name) {
            for (TensorProto t : graph.getInitializerList()) {
                if (t.getName().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        private static String nodeName(NodeProto n) {
            return n.getName().isEmpty() ? (n.getOutputCount() > 0 ? "→" + n.getOutput(0) : "?") : n.getName();
        }

        private String where(NodeProto n) {
            return n.getOpType() + " (node '" + nodeName(n) + "')";
        }

        // ------------------------------------------------------------ attributes and inputs

        private static AttributeProto attr(NodeProto n, String name) {
            for (AttributeProto a : n.getAttributeList()) {
                if (a.getName().equals(name)) {
                    return a;
                }
            }
            return null;
        }

        private static long intAttr(NodeProto n, String name, long dflt) {
            AttributeProto a = attr(n, name);
            return a == null ? dflt : a.getI();
        }

        private static float floatAttr(NodeProto n, String name, float dflt) {
            AttributeProto a = attr(n, name);
            return a == null ? dflt : a.getF();
        }

        private static long[] intsAttr(NodeProto n, String name) {
            AttributeProto a = attr(n, name);
            if (a == null) {
                return null;
            }
            return a.getIntsList().stream().mapToLong(Long::longValue).toArray();
        }

        private static String stringAttr(NodeProto n, String name, String dflt) {
            AttributeProto a = attr(n, name);
            return a == null ? dflt : a.getS().toStringUtf8();
        }

        private static String in(NodeProto n, int i) {
            return i < n.getInputCount() ? n.getInput(i) : "";
        }

        private static String out(NodeProto n, int i) {
            return i < n.getOutputCount() ? n.getOutput(i) : "";
        }

        /** A constant input (initialiser or Constant output), or null when it is computed at run time. */
        private Val constant(NodeProto n, int i) {
            String name = in(n, i);
            return name.isEmpty() ? null : constants.get(name);
        }

        private Val requireConstant(NodeProto n, int i, String what) {
            Val v = constant(n, i);
            if (v == null) {
                throw new Unsupported(where(n) + ": its " + what + " (input '" + in(n, i)
                        + "') is computed at run time; seqlab imports weights stored in the file");
            }
            return v;
        }

        private static Val get(Map<String, Val> env, String name) {
            Val v = env.get(name);
            if (v == null) {
                throw new IllegalArgumentException("value '" + name + "' has not been computed");
            }
            return v;
        }

        private static Val optional(Map<String, Val> env, String name) {
            return name.isEmpty() ? null : get(env, name);
        }

        /** Axes from an attribute (older opsets) or from input {@code i} (newer ones). */
        private static long[] axes(NodeProto n, Map<String, Val> env, int i) {
            long[] a = intsAttr(n, "axes");
            if (a != null) {
                return a;
            }
            String name = in(n, i);
            return name.isEmpty() ? null : get(env, name).longValues();
        }

        private void add(NodeProto n, Step step) {
            String label = where(n);
            steps.add(env -> {
                try {
                    step.run(env);
                } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
                    throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
                }
            });
        }

        private void put(Map<String, Val> env, NodeProto n, int i, Val v) {
            String o = out(n, i);
            if (!o.isEmpty()) {
                env.put(o, v);
            }
        }

        // ------------------------------------------------------------ nodes

        private void compile(NodeProto n) {
            switch (n.getOpType()) {
                case "LSTM", "GRU", "RNN" -> recurrentNode(n);
                case "Constant" -> {
                    Val v = constantNode(n);
                    constants.put(out(n, 0), v);
                    add(n, env -> put(env, n, 0, v));
                }
                case "Identity" -> add(n, env -> put(env, n, 0, get(env, in(n, 0))));
                case "Cast" -> {
                    Val.Type to = type((int) intAttr(n, "to", 1), n);
                    add(n, env -> put(env, n, 0, GraphOps.cast(get(env, in(n, 0)), to)));
                }
                case "Shape" -> add(n, env -> {
                    int[] s = get(env, in(n, 0)).shape;
                    long[] l = new long[s.length];
                    for (int i = 0; i < s.length; i++) {
                        l[i] = s[i];
                    }
                    long start = intAttr(n, "start", 0);
                    long end = intAttr(n, "end", s.length);
                    Val all = Val.longs(l, s.length);
                    put(env, n, 0, attr(n, "start") == null && attr(n, "end") == null ? all
                            : GraphOps.slice(all, new long[] {start}, new long[] {end}, null, null));
                });
                case "Gather" -> gather(n);
                case "Gemm" -> gemm(n);
                case "MatMul" -> matmul(n);
                case "Add" -> add(n, env -> put(env, n, 0, GraphOps.add(get(env, in(n, 0)), get(env, in(n, 1)))));
                case "Sub" -> add(n, env -> put(env, n, 0, GraphOps.binary(get(env, in(n, 0)), get(env, in(n, 1)), "Sub", (a, b) -> a - b, false)));
                case "Mul" -> add(n, env -> put(env, n, 0, GraphOps.binary(get(env, in(n, 0)), get(env, in(n, 1)), "Mul", (a, b) -> a * b, false)));
                case "Div" -> add(n, env -> {
                    Val a = get(env, in(n, 0));
                    Val b = get(env, in(n, 1));
                    boolean ints = !a.isFloat() && !b.isFloat();
                    put(env, n, 0, GraphOps.binary(a, b, "Div", ints ? (x, y) -> (long) x / (long) y : (x, y) -> x / y, false));
                });
                case "Equal" -> add(n, env -> put(env, n, 0, GraphOps.binary(get(env, in(n, 0)), get(env, in(n, 1)), "Equal", (a, b) -> a == b ? 1 : 0, true)));
                case "Not" -> add(n, env -> {
                    Val a = get(env, in(n, 0));
                    long[] o = new long[a.size()];
                    for (int i = 0; i < o.length; i++) {
                        o[i] = a.get(i) == 0 ? 1 : 0;
                    }
                    put(env, n, 0, Val.ints(Val.Type.BOOL, o, a.shape));
                });
                case "Tanh", "Sigmoid", "Relu" -> add(n, env -> {
                    Val a = get(env, in(n, 0));
                    float[] o = new float[a.size()];
                    for (int i = 0; i < o.length; i++) {
                        double x = a.f[i];
                        o[i] = (float) switch (n.getOpType()) {
                            case "Tanh" -> Math.tanh(x);
                            case "Sigmoid" -> 1 / (1 + Math.exp(-x));
                            default -> Math.max(0, x);
                        };
                    }
                    put(env, n, 0, Val.floats(o, a.shape));
                });
                case "Softmax", "LogSoftmax" -> {
                    boolean legacy = opset < 13;
                    long axis = intAttr(n, "axis", legacy ? 1 : -1);
                    boolean log = n.getOpType().equals("LogSoftmax");
                    add(n, env -> put(env, n, 0, GraphOps.softmax(get(env, in(n, 0)), axis, legacy, log)));
                }
                case "Transpose" -> add(n, env -> {
                    Val a = get(env, in(n, 0));
                    long[] p = intsAttr(n, "perm");
                    int[] perm = new int[a.rank()];
                    for (int i = 0; i < perm.length; i++) {
                        perm[i] = p == null ? perm.length - 1 - i : (int) p[i];
                    }
                    put(env, n, 0, GraphOps.transpose(a, perm));
                });
                case "Reshape" -> add(n, env -> put(env, n, 0, GraphOps.reshape(get(env, in(n, 0)),
                        get(env, in(n, 1)).longValues(), intAttr(n, "allowzero", 0) == 1)));
                case "Squeeze" -> add(n, env -> put(env, n, 0, GraphOps.squeeze(get(env, in(n, 0)), axes(n, env, 1))));
                case "Unsqueeze" -> add(n, env -> put(env, n, 0, GraphOps.unsqueeze(get(env, in(n, 0)), axes(n, env, 1))));
                case "Concat" -> add(n, env -> {
                    Val[] parts = new Val[n.getInputCount()];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = get(env, in(n, i));
                    }
                    put(env, n, 0, GraphOps.concat(parts, intAttr(n, "axis", 0)));
                });
                case "Slice" -> add(n, env -> {
                    Val a = get(env, in(n, 0));
                    if (attr(n, "starts") != null) {
                        put(env, n, 0, GraphOps.slice(a, intsAttr(n, "starts"), intsAttr(n, "ends"), intsAttr(n, "axes"), null));
                    } else {
                        Val axesVal = optional(env, in(n, 3));
                        Val stepsVal = optional(env, in(n, 4));
                        put(env, n, 0, GraphOps.slice(a, get(env, in(n, 1)).longValues(), get(env, in(n, 2)).longValues(),
                                axesVal == null ? null : axesVal.longValues(), stepsVal == null ? null : stepsVal.longValues()));
                    }
                });
                case "ReduceSum" -> add(n, env -> {
                    long[] ax = axes(n, env, 1);
                    Val a = get(env, in(n, 0));
                    if ((ax == null || ax.length == 0) && intAttr(n, "noop_with_empty_axes", 0) == 1) {
                        put(env, n, 0, a);
                    } else {
                        put(env, n, 0, GraphOps.reduceSum(a, ax, intAttr(n, "keepdims", 1) == 1));
                    }
                });
                case "ConstantOfShape" -> {
                    AttributeProto a = attr(n, "value");
                    Val fill = a == null ? Val.floats(new float[] {0f}, 1) : tensor(a.getT());
                    add(n, env -> {
                        long[] s = get(env, in(n, 0)).longValues();
                        int[] shape = new int[s.length];
                        for (int i = 0; i < s.length; i++) {
                            shape[i] = Math.toIntExact(s[i]);
                        }
                        put(env, n, 0, GraphOps.expand(fill.withShape(), shape));
                    });
                }
                case "Expand" -> add(n, env -> {
                    long[] s = get(env, in(n, 1)).longValues();
                    int[] shape = new int[s.length];
                    for (int i = 0; i < s.length; i++) {
                        shape[i] = Math.toIntExact(s[i]);
                    }
                    put(env, n, 0, GraphOps.expand(get(env, in(n, 0)), shape));
                });
                default -> throw new Unsupported("unsupported operator " + n.getOpType() + " (node '" + nodeName(n) + "')");
            }
        }

        private Val constantNode(NodeProto n) {
            AttributeProto a = n.getAttributeCount() == 1 ? n.getAttribute(0) : null;
            if (a == null) {
                throw new Unsupported(where(n) + ": expected exactly one value attribute");
            }
            return switch (a.getName()) {
                case "value" -> tensor(a.getT());
                case "value_float" -> Val.floats(new float[] {a.getF()});
                case "value_floats" -> {
                    float[] f = new float[a.getFloatsCount()];
                    for (int i = 0; i < f.length; i++) {
                        f[i] = a.getFloats(i);
                    }
                    yield Val.floats(f, f.length);
                }
                case "value_int" -> Val.longs(new long[] {a.getI()});
                case "value_ints" -> Val.longs(a.getIntsList().stream().mapToLong(Long::longValue).toArray(), a.getIntsCount());
                default -> throw new Unsupported(where(n) + ": unsupported constant attribute " + a.getName());
            };
        }

        private Val.Type type(int onnxType, NodeProto n) {
            TensorProto.DataType t = TensorProto.DataType.forNumber(onnxType);
            if (t == null) {
                throw new Unsupported(where(n) + ": unsupported element type " + onnxType);
            }
            return switch (t) {
                case FLOAT -> Val.Type.FLOAT;
                case INT64 -> Val.Type.INT64;
                case INT32 -> Val.Type.INT32;
                case BOOL -> Val.Type.BOOL;
                default -> throw new Unsupported(where(n) + ": unsupported element type "
                        + t.name().toLowerCase(Locale.ROOT) + " (seqlab imports float, int64, int32 and bool)");
            };
        }

        private void gather(NodeProto n) {
            Val table = constant(n, 0);
            long axis = intAttr(n, "axis", 0);
            if (table != null && table.isFloat() && table.rank() == 2 && (axis == 0 || axis == -2)) {
                // an embedding: rows of a weight matrix by token id
                int rows = table.shape[0];
                int dim = table.shape[1];
                Embedding e = new Embedding(nodeName(n), rows, dim, Embedding.NO_PADDING);
                System.arraycopy(table.f, 0, e.table().value().data(), 0, table.f.length);
                embeddings.add(e);
                add(n, env -> {
                    Val idx = get(env, in(n, 1));
                    long[] ids = idx.longValues();
                    int[] flat = new int[ids.length];
                    for (int i = 0; i < ids.length; i++) {
                        long id = ids[i] < 0 ? ids[i] + rows : ids[i];
                        if (id < 0 || id >= rows) {
                            throw new IllegalArgumentException("token id " + ids[i] + " at position " + i
                                    + " is outside the embedding's " + rows + " rows");
                        }
                        flat[i] = (int) id;
                    }
                    int[] shape = java.util.Arrays.copyOf(idx.shape, idx.rank() + 1);
                    shape[idx.rank()] = dim;
                    put(env, n, 0, Val.floats(e.forward(flat).data(), shape));
                });
            } else {
                add(n, env -> put(env, n, 0, GraphOps.gather(get(env, in(n, 0)), get(env, in(n, 1)), axis)));
            }
        }

        private void gemm(NodeProto n) {
            float alpha = floatAttr(n, "alpha", 1f);
            float beta = floatAttr(n, "beta", 1f);
            boolean transA = intAttr(n, "transA", 0) == 1;
            boolean transB = intAttr(n, "transB", 0) == 1;
            Val b = constant(n, 1);
            Val c = constant(n, 2);
            boolean noC = in(n, 2).isEmpty();
            if (b != null && b.rank() == 2 && !transA && alpha == 1f && (noC || beta == 1f && c != null
                    && c.isFloat() && c.size() == (transB ? b.shape[0] : b.shape[1]) && c.rank() <= 2)) {
                Dense d = dense(n, b, transB, noC ? null : c);
                add(n, env -> put(env, n, 0, denseForward(d, get(env, in(n, 0)))));
                return;
            }
            add(n, env -> {
                Val a = get(env, in(n, 0));
                Val bb = get(env, in(n, 1));
                int m = transA ? a.shape[1] : a.shape[0];
                int k = transA ? a.shape[0] : a.shape[1];
                int nn = transB ? bb.shape[0] : bb.shape[1];
                float[] y = new float[m * nn];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < nn; j++) {
                        double s = 0;
                        for (int p = 0; p < k; p++) {
                            s += (double) a.f[transA ? p * m + i : i * k + p] * bb.f[transB ? j * k + p : p * nn + j];
                        }
                        y[i * nn + j] = (float) (alpha * s);
                    }
                }
                Val out = Val.floats(y, m, nn);
                Val cc = optional(env, in(n, 2));
                if (cc != null) {
                    Val scaled = beta == 1f ? cc : GraphOps.binary(cc, Val.floats(new float[] {beta}), "Gemm", (x, z) -> x * z, false);
                    out = GraphOps.add(out, scaled);
                }
                put(env, n, 0, out);
            });
        }

        private void matmul(NodeProto n) {
            Val b = constant(n, 1);
            if (b != null && b.isFloat() && b.rank() == 2) {
                Dense d = dense(n, b, false, null);
                add(n, env -> put(env, n, 0, denseForward(d, get(env, in(n, 0)))));
                return;
            }
            add(n, env -> put(env, n, 0, batchedMatMul(get(env, in(n, 0)), get(env, in(n, 1)))));
        }

        /** A Dense layer {@code y = x·Wᵀ + b} from a weight matrix {@code [K, N]} (or {@code [N, K]} when transposed). */
        private Dense dense(NodeProto n, Val b, boolean transposed, Val bias) {
            int k = transposed ? b.shape[1] : b.shape[0];
            int out = transposed ? b.shape[0] : b.shape[1];
            Dense d = new Dense(nodeName(n), k, out);
            float[] w = d.w().value().data();
            if (transposed) {
                System.arraycopy(b.f, 0, w, 0, w.length);
            } else {
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < out; j++) {
                        w[j * k + i] = b.f[i * out + j];
                    }
                }
            }
            if (bias != null) {
                System.arraycopy(bias.f, 0, d.b().value().data(), 0, out);
            }
            dense.add(d);
            return d;
        }

        private static Val denseForward(Dense d, Val x) {
            if (!x.isFloat() || x.rank() < 1 || x.shape[x.rank() - 1] != d.inputSize()) {
                throw new IllegalArgumentException("input " + x + " does not end in " + d.inputSize());
            }
            int rows = x.size() / d.inputSize();
            float[] y = new float[rows * d.outputSize()];
            d.forward(rows, x.f, 0, y, 0);
            int[] shape = x.shape.clone();
            shape[shape.length - 1] = d.outputSize();
            return Val.floats(y, shape);
        }

        private static Val batchedMatMul(Val a, Val b) {
            if (a.rank() < 2 || b.rank() < 2) {
                throw new IllegalArgumentException("seqlab imports MatMul of matrices and batches of matrices, got "
                        + a + " · " + b);
            }
            int m = a.shape[a.rank() - 2];
            int k = a.shape[a.rank() - 1];
            int nn = b.shape[b.rank() - 1];
            if (b.shape[b.rank() - 2] != k) {
                throw new IllegalArgumentException("shapes " + a + " and " + b + " do not multiply");
            }
            int[] ab = java.util.Arrays.copyOf(a.shape, a.rank() - 2);
            int[] bb = java.util.Arrays.copyOf(b.shape, b.rank() - 2);
            int[] batch = GraphOps.broadcast(ab, bb, "MatMul");
            int[] oa = GraphOps.sourceOffsets(ab, batch);
            int[] ob = GraphOps.sourceOffsets(bb, batch);
            float[] y = new float[oa.length * m * nn];
            for (int q = 0; q < oa.length; q++) {
                int aOff = oa[q] * m * k;
                int bOff = ob[q] * k * nn;
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < nn; j++) {
                        double s = 0;
                        for (int p = 0; p < k; p++) {
                            s += (double) a.f[aOff + i * k + p] * b.f[bOff + p * nn + j];
                        }
                        y[(q * m + i) * nn + j] = (float) s;
                    }
                }
            }
            int[] shape = java.util.Arrays.copyOf(batch, batch.length + 2);
            shape[batch.length] = m;
            shape[batch.length + 1] = nn;
            return Val.floats(y, shape);
        }

        // ------------------------------------------------------------ recurrent nodes

        private void recurrentNode(NodeProto n) {
            String op = n.getOpType();
            CellKind kind = CellKind.valueOf(op);
            if (intAttr(n, "layout", 0) != 0) {
                throw new Unsupported(where(n) + ": layout=1 (batch-major) is not supported; seqlab imports layout 0 ([seq, batch, input])");
            }
            if (attr(n, "clip") != null) {
                throw new Unsupported(where(n) + ": the clip attribute is not supported");
            }
            if (kind == CellKind.LSTM && intAttr(n, "input_forget", 0) != 0) {
                throw new Unsupported(where(n) + ": input_forget=1 (coupled input and forget gates) is not supported");
            }
            if (kind == CellKind.LSTM && !in(n, 7).isEmpty()) {
                throw new Unsupported(where(n) + ": peephole weights (input P) are not supported");
            }
            String direction = stringAttr(n, "direction", "forward");
            List<Direction> dirs = switch (direction) {
                case "forward" -> List.of(Direction.FORWARD);
                case "reverse" -> List.of(Direction.REVERSE);
                case "bidirectional" -> List.of(Direction.FORWARD, Direction.REVERSE);
                default -> throw new Unsupported(where(n) + ": unknown direction '" + direction + "'");
            };
            checkActivations(n, kind, dirs.size());
            Val w = requireConstant(n, 1, "W");
            Val r = requireConstant(n, 2, "R");
            Val b = in(n, 3).isEmpty() ? null : requireConstant(n, 3, "B");
            int nd = dirs.size();
            int gates = kind.gates();
            if (w.rank() != 3 || w.shape[0] != nd || w.shape[1] % gates != 0) {
                throw new IllegalArgumentException(where(n) + ": W has shape " + java.util.Arrays.toString(w.shape)
                        + ", expected [" + nd + ", " + gates + "·hidden, input]");
            }
            int h = (int) intAttr(n, "hidden_size", w.shape[1] / gates);
            int in = w.shape[2];
            int gh = gates * h;
            if (w.shape[1] != gh || r.rank() != 3 || r.shape[0] != nd || r.shape[1] != gh || r.shape[2] != h
                    || b != null && (b.rank() != 2 || b.shape[0] != nd || b.shape[1] != 2 * gh)) {
                throw new IllegalArgumentException(where(n) + ": weights W" + java.util.Arrays.toString(w.shape) + ", R"
                        + java.util.Arrays.toString(r.shape) + (b == null ? "" : ", B" + java.util.Arrays.toString(b.shape))
                        + " do not fit hidden_size " + h + " and " + nd + " direction(s)");
            }
            boolean lbr = intAttr(n, "linear_before_reset", 0) != 0;
            List<RecurrentCell> cells = new ArrayList<>();
            for (int d = 0; d < nd; d++) {
                String cn = nodeName(n) + "." + (dirs.get(d) == Direction.FORWARD ? "forward" : "reverse");
                RecurrentCell c = switch (kind) {
                    case LSTM -> new LstmCell(cn, in, h);
                    case GRU -> new GruCell(cn, in, h, lbr);
                    case RNN -> new RnnCell(cn, in, h);
                };
                System.arraycopy(w.f, d * gh * in, c.w().value().data(), 0, gh * in);
                System.arraycopy(r.f, d * gh * h, c.r().value().data(), 0, gh * h);
                if (b != null) {
                    System.arraycopy(b.f, d * 2 * gh, c.wb().value().data(), 0, gh);
                    System.arraycopy(b.f, d * 2 * gh + gh, c.rb().value().data(), 0, gh);
                }
                cells.add(c);
            }
            recurrent.add(new ImportedRecurrent(nodeName(n), kind, cells, dirs));
            add(n, env -> runRecurrent(n, env, cells, dirs, h));
        }

        private void checkActivations(NodeProto n, CellKind kind, int nd) {
            AttributeProto a = attr(n, "activations");
            if (a == null) {
                return;
            }
            List<String> expected = switch (kind) {
                case LSTM -> List.of("sigmoid", "tanh", "tanh");
                case GRU -> List.of("sigmoid", "tanh");
                case RNN -> List.of("tanh");
            };
            List<String> given = new ArrayList<>();
            for (com.google.protobuf.ByteString s : a.getStringsList()) {
                given.add(s.toStringUtf8().toLowerCase(Locale.ROOT));
            }
            List<String> want = new ArrayList<>();
            for (int d = 0; d < nd; d++) {
                want.addAll(expected);
            }
            if (!given.equals(want)) {
                throw new Unsupported(where(n) + ": activations " + given + " are not supported; seqlab's "
                        + kind.name() + " cell uses " + expected);
            }
        }

        private void runRecurrent(NodeProto n, Map<String, Val> env, List<RecurrentCell> cells, List<Direction> dirs, int h) {
            Val x = get(env, in(n, 0));
            if (x.rank() != 3 || !x.isFloat() || x.shape[2] != cells.get(0).inputSize()) {
                throw new IllegalArgumentException("input X is " + x + ", expected float [seq, batch, "
                        + cells.get(0).inputSize() + "]");
            }
            int t = x.shape[0];
            int batch = x.shape[1];
            int nd = cells.size();
            Val lens = optional(env, in(n, 4));
            int[] lengths = null;
            if (lens != null) {
                long[] l = lens.longValues();
                boolean all = true;
                lengths = new int[l.length];
                for (int i = 0; i < l.length; i++) {
                    lengths[i] = (int) l[i];
                    all &= l[i] == t;
                }
                if (all) {
                    lengths = null;
                }
            }
            Val h0 = optional(env, in(n, 5));
            Val c0 = cells.get(0).kind() == CellKind.LSTM ? optional(env, in(n, 6)) : null;
            for (Val s : new Val[] {h0, c0}) {
                if (s != null && (s.rank() != 3 || s.shape[0] != nd || s.shape[1] != batch || s.shape[2] != h)) {
                    throw new IllegalArgumentException("initial state is " + s + ", expected [" + nd + ", " + batch + ", " + h + "]");
                }
            }
            float[] y = new float[t * nd * batch * h];
            float[] yh = new float[nd * batch * h];
            float[] yc = new float[nd * batch * h];
            int bh = batch * h;
            for (int d = 0; d < nd; d++) {
                Tensor hd = h0 == null ? null : Tensor.wrap(java.util.Arrays.copyOfRange(h0.f, d * bh, (d + 1) * bh), batch, h);
                Tensor cd = c0 == null ? null : Tensor.wrap(java.util.Arrays.copyOfRange(c0.f, d * bh, (d + 1) * bh), batch, h);
                CellOutput o = cells.get(d).forward(Tensor.wrap(x.f, t, batch, x.shape[2]), hd, cd, lengths, dirs.get(d));
                for (int s = 0; s < t; s++) {
                    System.arraycopy(o.outputs().data(), s * bh, y, (s * nd + d) * bh, bh);
                }
                System.arraycopy(o.lastHidden().data(), 0, yh, d * bh, bh);
                if (o.lastCell() != null) {
                    System.arraycopy(o.lastCell().data(), 0, yc, d * bh, bh);
                }
            }
            put(env, n, 0, Val.floats(y, t, nd, batch, h));
            put(env, n, 1, Val.floats(yh, nd, batch, h));
            put(env, n, 2, Val.floats(yc, nd, batch, h));
        }

        // ------------------------------------------------------------ tensors in the file

        /**
         * Fails unless the tensor holds exactly the {@code n} values its shape announces, before
         * anything of that size is allocated.
         */
        private static void checkData(TensorProto t, TensorProto.DataType dt, int n, boolean hasRaw) {
            int width;
            long typed;
            if (dt == TensorProto.DataType.FLOAT) {
                width = 4;
                typed = t.getFloatDataCount();
            } else if (dt == TensorProto.DataType.INT64) {
                width = 8;
                typed = t.getInt64DataCount();
            } else if (dt == TensorProto.DataType.INT32 || dt == TensorProto.DataType.BOOL) {
                width = dt == TensorProto.DataType.INT32 ? 4 : 1;
                typed = t.getInt32DataCount();
            } else {
                return; // refused as unsupported by the caller
            }
            long bytes = t.getRawData().size();
            if (hasRaw ? bytes != (long) n * width : typed != n) {
                throw new IllegalArgumentException("tensor '" + t.getName() + "' has shape " + t.getDimsList() + " ("
                        + n + " values) but holds " + (hasRaw ? bytes + " bytes" : typed + " values"));
            }
        }

        private Val tensor(TensorProto t) {
            String name = t.getName();
            if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
                throw new Unsupported("tensor '" + name + "' is stored outside the file (external data); "
                        + "seqlab imports self-contained ONNX files");
            }
            int[] shape = new int[t.getDimsCount()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                long d = t.getDims(i);
                count = d < 0 || d > Integer.MAX_VALUE ? -1 : count * d;
                if (count < 0 || count > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("tensor '" + name + "' has shape " + t.getDimsList()
                            + ", not a shape seqlab can hold");
                }
                shape[i] = (int) d;
            }
            int n = Val.size(shape);
            TensorProto.DataType dt = TensorProto.DataType.forNumber(t.getDataType());
            ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            boolean hasRaw = !t.getRawData().isEmpty();
            checkData(t, dt, n, hasRaw);
            if (dt == TensorProto.DataType.FLOAT) {
                float[] f = new float[n];
                if (hasRaw) {
                    raw.asFloatBuffer().get(f);
                } else {
                    for (int i = 0; i < n; i++) {
                        f[i] = t.getFloatData(i);
                    }
                }
                return Val.floats(f, shape);
            }
            if (dt == TensorProto.DataType.INT64 || dt == TensorProto.DataType.INT32 || dt == TensorProto.DataType.BOOL) {
                long[] l = new long[n];
                for (int i = 0; i < n; i++) {
                    if (dt == TensorProto.DataType.INT64) {
                        l[i] = hasRaw ? raw.getLong(8 * i) : t.getInt64Data(i);
                    } else if (dt == TensorProto.DataType.INT32) {
                        l[i] = hasRaw ? raw.getInt(4 * i) : t.getInt32Data(i);
                    } else {
                        l[i] = hasRaw ? raw.get(i) : t.getInt32Data(i);
                    }
                }
                Val.Type type = dt == TensorProto.DataType.INT64 ? Val.Type.INT64
                        : dt == TensorProto.DataType.INT32 ? Val.Type.INT32 : Val.Type.BOOL;
                return Val.ints(type, l, shape);
            }
            throw new Unsupported("tensor '" + name + "' holds "
                    + OnnxInspector.elementTypeName(t.getDataType()) + "; seqlab imports float, int64, int32 and bool tensors");
        }
    }
}
