package dev.seqlab.onnx.interpret;

import dev.seqlab.onnx.inspect.ModelSummary;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The operators a {@link GraphInterpreter} computes, by ONNX operator type (default domain).
 * Immutable: {@link #with} gives a new registry, so modules add their operators to a copy of
 * {@link #standard()} without changing anyone else's.
 *
 * <pre>{@code
 * OperatorRegistry ops = OperatorRegistry.standard().with("LSTM", lstmOnSeqlabCells);
 * ops.supported();   // [Add, Cast, Concat, ..., LSTM, ...]
 * }</pre>
 */
public final class OperatorRegistry {
    private static final OperatorRegistry STANDARD = new OperatorRegistry(standardOperators());

    private final Map<String, Operator> operators;

    private OperatorRegistry(Map<String, Operator> operators) {
        this.operators = Collections.unmodifiableMap(new TreeMap<>(operators));
    }

    /** The standard operators seqlab computes itself. */
    public static OperatorRegistry standard() {
        return STANDARD;
    }

    private static Map<String, Operator> standardOperators() {
        Map<String, Operator> m = new TreeMap<>();
        m.put("Add", ElementwiseOperators.ADD);
        m.put("Sub", ElementwiseOperators.SUB);
        m.put("Mul", ElementwiseOperators.MUL);
        m.put("Div", ElementwiseOperators.DIV);
        m.put("Max", ElementwiseOperators.MAX);
        m.put("Equal", ElementwiseOperators.EQUAL);
        m.put("Less", ElementwiseOperators.LESS);
        m.put("Where", ElementwiseOperators.WHERE);
        m.put("Not", ElementwiseOperators.NOT);
        m.put("Tanh", ElementwiseOperators.TANH);
        m.put("Sigmoid", ElementwiseOperators.SIGMOID);
        m.put("Relu", ElementwiseOperators.RELU);
        m.put("Sqrt", ElementwiseOperators.SQRT);
        m.put("MatMul", new MatMulOperator());
        m.put("Gemm", new GemmOperator());
        m.put("Softmax", new SoftmaxOperator(false));
        m.put("LogSoftmax", new SoftmaxOperator(true));
        m.put("Identity", ShapeOperators.IDENTITY);
        m.put("Shape", ShapeOperators.SHAPE);
        m.put("Reshape", ShapeOperators.RESHAPE);
        m.put("Squeeze", ShapeOperators.SQUEEZE);
        m.put("Unsqueeze", ShapeOperators.UNSQUEEZE);
        m.put("Expand", ShapeOperators.EXPAND);
        m.put("ConstantOfShape", ShapeOperators.CONSTANT_OF_SHAPE);
        m.put("Slice", new SliceOperator());
        m.put("Transpose", LayoutOperators.TRANSPOSE);
        m.put("Concat", LayoutOperators.CONCAT);
        m.put("Gather", LayoutOperators.GATHER);
        m.put("Constant", ValueOperators.CONSTANT);
        m.put("Cast", ValueOperators.CAST);
        m.put("ReduceSum", ValueOperators.REDUCE_SUM);
        m.put("ReduceMax", ValueOperators.REDUCE_MAX);
        m.put("ReduceMean", ValueOperators.REDUCE_MEAN);
        m.put("ArgMax", ValueOperators.ARG_MAX);
        return m;
    }

    /** A registry with {@code operator} computing {@code opType} (in place of any it had). */
    public OperatorRegistry with(String opType, Operator operator) {
        Map<String, Operator> m = new TreeMap<>(operators);
        m.put(Objects.requireNonNull(opType, "opType"), Objects.requireNonNull(operator, "operator"));
        return new OperatorRegistry(m);
    }

    /** The operator computing {@code opType}, or null. */
    public Operator get(String opType) {
        return operators.get(opType);
    }

    /** Whether the registry computes {@code opType} of {@code domain} (empty or {@code ai.onnx}: the default). */
    public boolean supports(String domain, String opType) {
        return (domain.isEmpty() || domain.equals("ai.onnx")) && operators.containsKey(opType);
    }

    /** The operator types, sorted. */
    public SortedSet<String> supported() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(operators.keySet()));
    }

    /**
     * The operators of an inspected model that this registry does not compute (so it needs ONNX
     * Runtime), sorted; operators of other domains are qualified ({@code com.microsoft.Attention}).
     */
    public List<String> unsupportedIn(ModelSummary model) {
        return model.operatorCounts().keySet().stream()
                .filter(op -> op.contains(".") || !operators.containsKey(op))
                .toList();
    }

    /** {@code Add, Cast, Concat, …}. */
    public String supportedText() {
        return String.join(", ", operators.keySet());
    }

    /** {@code OperatorRegistry[Add, Cast, …]}. */
    @Override
    public String toString() {
        return "OperatorRegistry[" + supportedText() + "]";
    }
}
