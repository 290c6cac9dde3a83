package dev.seqlab.onnx.inspect;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.onnx.TensorSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an ONNX file's protobuf ({@code ai.onnx.proto.OnnxMl}) and summarises it, without
 * loading it into ONNX Runtime.
 *
 * <pre>{@code
 * ModelSummary s = OnnxInspector.read(Path.of("model.onnx"));
 * s.inputs();          // [input_ids: int64 [batch_size, sequence_length], ...]
 * s.operatorCounts();  // {Add=..., MatMul=..., ...}
 * }</pre>
 */
public final class OnnxInspector {

    /** How the default operator domain ({@code ""} in the file) is named in summaries. */
    public static final String DEFAULT_DOMAIN = "ai.onnx";

    private OnnxInspector() {}

    /**
     * Summarises the ONNX model in {@code file}.
     *
     * @throws NoSuchFileException if the file does not exist
     * @throws MalformedFileException            if it is not an ONNX model (naming the file and why)
     */
    public static ModelSummary read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new MalformedFileException(file, 0, "is a directory, not an ONNX model file");
        }
        ModelProto model;
        try (InputStream in = Files.newInputStream(file)) {
            CodedInputStream coded = CodedInputStream.newInstance(in);
            coded.setSizeLimit(Integer.MAX_VALUE);
            model = ModelProto.parseFrom(coded);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedFileException(
                    file, 0, "not an ONNX model (its protobuf does not parse: " + firstLine(e.getMessage()) + ")", e);
        }
        return summarise(model, file);
    }

    /**
     * Summarises an already parsed model; {@code file} only names it in error messages (may be null).
     *
     * @throws MalformedFileException if the model has no graph or no IR version
     */
    public static ModelSummary summarise(ModelProto model, Path file) throws MalformedFileException {
        // a file of another format can parse as a protobuf of unknown fields: it then lacks these
        if (model.getIrVersion() <= 0) {
            throw new MalformedFileException(file, 0, "not an ONNX model (no IR version)");
        }
        if (!model.hasGraph()
                || model.getGraph().getNodeCount() == 0 && model.getGraph().getOutputCount() == 0) {
            throw new MalformedFileException(file, 0, "not an ONNX model (no graph)");
        }
        GraphProto graph = model.getGraph();
        Map<String, Long> opsets = new LinkedHashMap<>();
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            opsets.put(domainName(o.getDomain()), o.getVersion());
        }
        Set<String> initialisers = new HashSet<>();
        long parameters = 0;
        for (TensorProto t : graph.getInitializerList()) {
            initialisers.add(t.getName());
            long n = 1;
            for (long d : t.getDimsList()) {
                n *= d;
            }
            parameters += n;
        }
        List<TensorSpec> inputs = new ArrayList<>();
        for (ValueInfoProto v : graph.getInputList()) {
            if (!initialisers.contains(v.getName())) {
                inputs.add(spec(v));
            }
        }
        List<TensorSpec> outputs = new ArrayList<>();
        for (ValueInfoProto v : graph.getOutputList()) {
            outputs.add(spec(v));
        }
        TreeMap<String, Integer> counts = new TreeMap<>();
        long nodes = countOperators(graph, counts);
        return new ModelSummary(
                model.getProducerName(),
                model.getProducerVersion(),
                model.getIrVersion(),
                opsets,
                inputs,
                outputs,
                counts,
                nodes,
                parameters);
    }

    /** Counts the nodes of {@code graph} and of its subgraphs (If, Loop, Scan bodies) by operator. */
    private static long countOperators(GraphProto graph, Map<String, Integer> counts) {
        long nodes = 0;
        for (NodeProto n : graph.getNodeList()) {
            String domain = domainName(n.getDomain());
            String op = domain.equals(DEFAULT_DOMAIN) ? n.getOpType() : domain + "." + n.getOpType();
            counts.merge(op, 1, Integer::sum);
            nodes++;
            for (AttributeProto a : n.getAttributeList()) {
                if (a.hasG()) {
                    nodes += countOperators(a.getG(), counts);
                }
                for (GraphProto g : a.getGraphsList()) {
                    nodes += countOperators(g, counts);
                }
            }
        }
        return nodes;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }

    private static String domainName(String domain) {
        return domain.isEmpty() || domain.equals("ai.onnx") ? DEFAULT_DOMAIN : domain;
    }

    /**
     * The spec of a graph input or output as the file declares it (element type, fixed and
     * symbolic axes; non-tensor values by their kind).
     */
    public static TensorSpec spec(ValueInfoProto v) {
        TypeProto type = v.getType();
        if (!type.hasTensorType()) {
            // optional and newer kinds are unknown fields to this (IR 8) protobuf
            String kind = type.hasSequenceType()
                    ? "sequence"
                    : type.hasMapType()
                            ? "map"
                            : type.hasSparseTensorType()
                                    ? "sparse_tensor"
                                    : type.hasOpaqueType() ? "opaque" : "unknown";
            return new TensorSpec(v.getName(), kind, List.of());
        }
        TypeProto.Tensor t = type.getTensorType();
        List<TensorSpec.Dim> dims = new ArrayList<>();
        if (t.hasShape()) {
            for (TensorShapeProto.Dimension d : t.getShape().getDimList()) {
                dims.add(
                        d.hasDimValue() && d.getDimValue() >= 0
                                ? TensorSpec.Dim.fixed(d.getDimValue())
                                : TensorSpec.Dim.dynamic(d.getDimParam()));
            }
        }
        return new TensorSpec(v.getName(), elementTypeName(t.getElemType()), dims);
    }

    /**
     * The lower-case ONNX name of a {@code TensorProto.DataType} number ({@code float}, {@code int64}),
     * including the types newer than the protobuf classes seqlab reads with (float8, int4, …);
     * {@code type 42} for a number ONNX has not defined.
     */
    public static String elementTypeName(int dataType) {
        TensorProto.DataType dt = TensorProto.DataType.forNumber(dataType);
        if (dt != null) {
            return dt == TensorProto.DataType.UNDEFINED
                    ? "undefined"
                    : dt.name().toLowerCase(Locale.ROOT);
        }
        return switch (dataType) {
            case 17 -> "float8e4m3fn";
            case 18 -> "float8e4m3fnuz";
            case 19 -> "float8e5m2";
            case 20 -> "float8e5m2fnuz";
            case 21 -> "uint4";
            case 22 -> "int4";
            case 23 -> "float4e2m1";
            default -> "type " + dataType;
        };
    }
}
