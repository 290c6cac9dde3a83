package dev.seqlab.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.Random;

/**
 * Small ONNX models built with the protobuf builders, with their weights kept so tests can
 * compute the expected outputs independently.
 */
public final class TestModels {

    private TestModels() {}

    /** A dense layer with softmax: {@code y = softmax(x·W + b)}, x float [batch, 4], y float [batch, 3]. */
    public static final class Dense {
        /** Input width. */
        public static final int IN = 4;
        /** Output width. */
        public static final int OUT = 3;
        /** Row-major [IN, OUT]. */
        public final float[] w = new float[IN * OUT];
        /** [OUT]. */
        public final float[] b = new float[OUT];
        /** The model. */
        public final ModelProto model;

        /** Random weights from {@code seed}. */
        public Dense(long seed) {
            Random r = new Random(seed);
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) r.nextGaussian();
            }
            GraphProto graph = GraphProto.newBuilder()
                    .setName("dense-softmax")
                    .addInitializer(floatTensor("W", w, IN, OUT))
                    .addInitializer(floatTensor("b", b, OUT))
                    .addNode(node("MatMul", "matmul", new String[] {"x", "W"}, "h"))
                    .addNode(node("Add", "add", new String[] {"h", "b"}, "z"))
                    .addNode(node("Softmax", "softmax", new String[] {"z"}, "y").toBuilder()
                            .addAttribute(AttributeProto.newBuilder()
                                    .setName("axis")
                                    .setI(-1)
                                    .setType(AttributeProto.AttributeType.INT)))
                    .addInput(value("x", TensorProto.DataType.FLOAT, "batch", IN))
                    .addOutput(value("y", TensorProto.DataType.FLOAT, "batch", OUT))
                    .build();
            model = model(graph, 13);
        }

        /** softmax(x·W + b) for one row, in double precision. */
        public double[] expected(float[] x, int row) {
            double[] z = new double[OUT];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < OUT; j++) {
                double s = b[j];
                for (int i = 0; i < IN; i++) {
                    s += (double) x[row * IN + i] * w[i * OUT + j];
                }
                z[j] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int j = 0; j < OUT; j++) {
                z[j] = Math.exp(z[j] - max);
                sum += z[j];
            }
            for (int j = 0; j < OUT; j++) {
                z[j] /= sum;
            }
            return z;
        }
    }

    /**
     * Token embedding lookup with a mask: {@code hidden = E[ids]} (float [batch, seq, 2]) and
     * {@code mask_f = float(mask)} (float [batch, seq]) from int64 inputs ids and mask of shape
     * [batch, seq]; E[i] = (i, -2i).
     */
    public static ModelProto lookup() {
        int vocab = 10;
        float[] e = new float[vocab * 2];
        for (int i = 0; i < vocab; i++) {
            e[2 * i] = i;
            e[2 * i + 1] = -2 * i;
        }
        GraphProto graph = GraphProto.newBuilder()
                .setName("lookup")
                .addInitializer(floatTensor("E", e, vocab, 2))
                .addNode(node("Gather", "gather", new String[] {"E", "ids"}, "hidden"))
                .addNode(node("Cast", "cast", new String[] {"mask"}, "mask_f").toBuilder()
                        .addAttribute(AttributeProto.newBuilder()
                                .setName("to")
                                .setI(TensorProto.DataType.FLOAT_VALUE)
                                .setType(AttributeProto.AttributeType.INT)))
                .addInput(value("ids", TensorProto.DataType.INT64, "batch", "seq"))
                .addInput(value("mask", TensorProto.DataType.INT64, "batch", "seq"))
                .addOutput(value("hidden", TensorProto.DataType.FLOAT, "batch", "seq", 2))
                .addOutput(value("mask_f", TensorProto.DataType.FLOAT, "batch", "seq"))
                .build();
        return model(graph, 13);
    }

    /** A model with opset 13 of the default domain and producer "seqlab-test" 1.0. */
    public static ModelProto model(GraphProto graph, long opset) {
        return ModelProto.newBuilder()
                .setIrVersion(7)
                .setProducerName("seqlab-test")
                .setProducerVersion("1.0")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph)
                .build();
    }

    /** A node of the default domain. */
    public static NodeProto node(String op, String name, String[] inputs, String... outputs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name);
        for (String i : inputs) {
            n.addInput(i);
        }
        for (String o : outputs) {
            n.addOutput(o);
        }
        return n.build();
    }

    /** A float initialiser. */
    public static TensorProto floatTensor(String name, float[] data, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        for (float f : data) {
            t.addFloatData(f);
        }
        return t.build();
    }

    /** A tensor value; each axis is a Long (fixed), a String (symbolic) or null (unnamed dynamic). */
    public static ValueInfoProto value(String name, TensorProto.DataType type, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof Number n) {
                dim.setDimValue(n.longValue());
            } else if (d instanceof String s) {
                dim.setDimParam(s);
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder()
                                .setElemType(type.getNumber())
                                .setShape(shape)))
                .build();
    }
}
