package dev.seqlab.onnx.interpret;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import com.google.protobuf.ByteString;
import dev.seqlab.onnx.HostTensor;
import java.util.List;
import java.util.Map;

/**
 * One node of a graph as an {@link Operator} sees it while the graph is prepared: its name,
 * attributes, input and output names, and those inputs whose values are already known (weights
 * stored in the file, {@code Constant} outputs, and what is computed from them alone).
 */
public final class Node {
    private final NodeProto proto;
    private final Map<String, HostTensor> constants;
    private final long opset;

    Node(NodeProto proto, Map<String, HostTensor> constants, long opset) {
        this.proto = proto;
        this.constants = constants;
        this.opset = opset;
    }

    /** The operator type ({@code Gemm}). */
    public String opType() {
        return proto.getOpType();
    }

    /** The node's name, or {@code →output} when it has none. */
    public String name() {
        return name(proto);
    }

    static String name(NodeProto n) {
        return n.getName().isEmpty() ? (n.getOutputCount() > 0 ? "→" + n.getOutput(0) : "?") : n.getName();
    }

    /** The version of the default operator set the graph imports (14 when it names none). */
    public long opset() {
        return opset;
    }

    /** The protobuf node. */
    public NodeProto proto() {
        return proto;
    }

    /** {@code Gemm (node '/fc/Gemm')}, for messages. */
    public String where() {
        return opType() + " (node '" + name() + "')";
    }

    /** An exception naming this node and what about it is not supported. */
    public UnsupportedGraphException unsupported(String what) {
        return new UnsupportedGraphException(where() + ": " + what);
    }

    /** The number of inputs named (omitted optional inputs in between count). */
    public int inputCount() {
        return proto.getInputCount();
    }

    /** Input {@code i}'s name, or empty when it is omitted. */
    public String input(int i) {
        return i < proto.getInputCount() ? proto.getInput(i) : "";
    }

    /** Whether input {@code i} is given. */
    public boolean hasInput(int i) {
        return !input(i).isEmpty();
    }

    /** The number of outputs named. */
    public int outputCount() {
        return proto.getOutputCount();
    }

    /** Input {@code i}'s value when it is known before the graph runs, else null. */
    public HostTensor constant(int i) {
        return hasInput(i) ? constants.get(input(i)) : null;
    }

    /**
     * Input {@code i}'s value, which must be known before the graph runs.
     *
     * @param what what the input is, for the message ({@code "W"})
     * @throws UnsupportedGraphException if it is computed at run time
     */
    public HostTensor requireConstant(int i, String what) {
        HostTensor t = constant(i);
        if (t == null) {
            throw unsupported("its " + what + " (input '" + input(i) + "') is computed at run time; "
                    + "seqlab imports weights stored in the file");
        }
        return t;
    }

    /** The attribute, or null. */
    public AttributeProto attribute(String name) {
        for (AttributeProto a : proto.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** Whether the node sets the attribute. */
    public boolean hasAttribute(String name) {
        return attribute(name) != null;
    }

    /** An integer attribute, or {@code dflt}. */
    public long intAttribute(String name, long dflt) {
        AttributeProto a = attribute(name);
        return a == null ? dflt : a.getI();
    }

    /** A float attribute, or {@code dflt}. */
    public float floatAttribute(String name, float dflt) {
        AttributeProto a = attribute(name);
        return a == null ? dflt : a.getF();
    }

    /** An integer-list attribute, or null when it is not set. */
    public long[] intsAttribute(String name) {
        AttributeProto a = attribute(name);
        return a == null
                ? null
                : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    /** A string attribute, or {@code dflt}. */
    public String stringAttribute(String name, String dflt) {
        AttributeProto a = attribute(name);
        return a == null ? dflt : a.getS().toStringUtf8();
    }

    /** A string-list attribute, or null when it is not set. */
    public List<String> stringsAttribute(String name) {
        AttributeProto a = attribute(name);
        return a == null
                ? null
                : a.getStringsList().stream().map(ByteString::toStringUtf8).toList();
    }

    /** A tensor attribute, or null when it is not set. */
    public HostTensor tensorAttribute(String name) {
        AttributeProto a = attribute(name);
        return a == null ? null : Tensors.fromProto(a.getT());
    }
}
