package dev.seqlab.onnx.graph;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds an ONNX model of standard operators, node by node.
 *
 * <pre>{@code
 * GraphBuilder g = new GraphBuilder("dense");
 * g.input("x", GraphBuilder.FLOAT, "batch", 4);
 * g.floats("W", w, 4, 3);
 * g.node("MatMul", "x", "W").output("y");
 * g.output("y", GraphBuilder.FLOAT, "batch", 3);
 * ModelProto model = g.build(14, "seqlab");
 * }</pre>
 *
 * <p>Shapes mix fixed sizes ({@link Integer} or {@link Long}) and symbolic axes ({@link String},
 * such as {@code "batch"}). Node names are made unique from the operator type; value names are
 * the caller's. Float initialisers are stored as little-endian raw data, as exporters write them.
 */
public final class GraphBuilder {
    /** {@code TensorProto.DataType.FLOAT}. */
    public static final int FLOAT = TensorProto.DataType.FLOAT.getNumber();
    /** {@code TensorProto.DataType.INT64}. */
    public static final int INT64 = TensorProto.DataType.INT64.getNumber();
    /** {@code TensorProto.DataType.INT32}. */
    public static final int INT32 = TensorProto.DataType.INT32.getNumber();
    /** {@code TensorProto.DataType.BOOL}. */
    public static final int BOOL = TensorProto.DataType.BOOL.getNumber();

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Set<String> nodeNames = new HashSet<>();
    private int anonymous;

    /** An empty graph named {@code name}. */
    public GraphBuilder(String name) {
        graph.setName(Objects.requireNonNull(name, "name"));
    }

    /** Declares a graph input of element type {@code elemType} and the given axes. */
    public GraphBuilder input(String name, int elemType, Object... dims) {
        graph.addInput(value(name, elemType, dims));
        return this;
    }

    /** Declares a graph output of element type {@code elemType} and the given axes. */
    public GraphBuilder output(String name, int elemType, Object... dims) {
        graph.addOutput(value(name, elemType, dims));
        return this;
    }

    /** Adds a float initialiser (row-major {@code data} of shape {@code dims}). */
    public GraphBuilder floats(String name, float[] data, long... dims) {
        checkSize(name, data.length, dims);
        ByteBuffer buf = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(data);
        graph.addInitializer(tensor(name, FLOAT, dims).setRawData(ByteString.copyFrom(buf.array())));
        return this;
    }

    /** Adds an int64 initialiser. */
    public GraphBuilder longs(String name, long[] data, long... dims) {
        checkSize(name, data.length, dims);
        TensorProto.Builder t = tensor(name, INT64, dims);
        for (long v : data) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return this;
    }

    /** Adds a one-dimensional int64 initialiser (axes, starts, shapes …). */
    public GraphBuilder longs(String name, long... data) {
        return longs(name, data, data.length);
    }

    /** Adds a model metadata entry ({@code metadata_props}). */
    public GraphBuilder metadata(String key, String value) {
        metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Starts a node of operator {@code opType} reading {@code inputs} (empty strings for omitted
     * optional inputs); give its outputs and attributes on the returned builder.
     */
    public NodeBuilder node(String opType, String... inputs) {
        return new NodeBuilder(opType, inputs);
    }

    /** The model: IR version 8, the default domain at {@code opset}, named producer. */
    public ModelProto build(int opset, String producer) {
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName(producer)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph.build());
        metadata.forEach((k, v) ->
                m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build();
    }

    /** A node being built; {@link #output} adds it to the graph. */
    public final class NodeBuilder {
        private final NodeProto.Builder node = NodeProto.newBuilder();

        private NodeBuilder(String opType, String[] inputs) {
            node.setOpType(opType);
            for (String in : inputs) {
                node.addInput(in);
            }
        }

        /** Names the node (default: the operator type and a counter). */
        public NodeBuilder name(String name) {
            node.setName(name);
            return this;
        }

        /** An integer attribute. */
        public NodeBuilder attr(String name, long value) {
            node.addAttribute(AttributeProto.newBuilder()
                    .setName(name)
                    .setType(AttributeProto.AttributeType.INT)
                    .setI(value));
            return this;
        }

        /** A float attribute. */
        public NodeBuilder attr(String name, float value) {
            node.addAttribute(AttributeProto.newBuilder()
                    .setName(name)
                    .setType(AttributeProto.AttributeType.FLOAT)
                    .setF(value));
            return this;
        }

        /** A string attribute. */
        public NodeBuilder attr(String name, String value) {
            node.addAttribute(AttributeProto.newBuilder()
                    .setName(name)
                    .setType(AttributeProto.AttributeType.STRING)
                    .setS(ByteString.copyFromUtf8(value)));
            return this;
        }

        /** An integer-list attribute. */
        public NodeBuilder attrInts(String name, long... values) {
            AttributeProto.Builder a =
                    AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
            for (long v : values) {
                a.addInts(v);
            }
            node.addAttribute(a);
            return this;
        }

        /** Names the node's outputs (empty strings for omitted optional outputs) and adds it to the graph. */
        public void output(String... outputs) {
            for (String o : outputs) {
                node.addOutput(o);
            }
            if (node.getName().isEmpty()) {
                String n;
                do {
                    n = node.getOpType() + "_" + anonymous++;
                } while (nodeNames.contains(n));
                node.setName(n);
            }
            if (!nodeNames.add(node.getName())) {
                throw new IllegalArgumentException("two nodes named '" + node.getName() + "'");
            }
            graph.addNode(node);
        }
    }

    private static TensorProto.Builder tensor(String name, int type, long[] dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type);
        for (long d : dims) {
            t.addDims(d);
        }
        return t;
    }

    private static void checkSize(String name, int length, long[] dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException(
                    "initialiser '" + name + "' has " + length + " values for shape " + Arrays.toString(dims));
        }
    }

    private static ValueInfoProto value(String name, int elemType, Object[] dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String s) {
                dim.setDimParam(s);
            } else if (d instanceof Number n) {
                dim.setDimValue(n.longValue());
            } else {
                throw new IllegalArgumentException("axis of '" + name + "' must be a size or a symbol, got " + d);
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder()
                                .setElemType(elemType)
                                .setShape(shape)))
                .build();
    }
}
