package dev.seqlab.onnx.inspect;

import dev.seqlab.onnx.TensorSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an ONNX file declares about itself and its graph.
 *
 * @param producerName    the tool that wrote the file ({@code pytorch}, {@code onnx.quantize}, …), may be empty
 * @param producerVersion its version, may be empty
 * @param irVersion       the ONNX IR version
 * @param opsets          operator set versions by domain ({@code ai.onnx} for the default domain), in file order
 * @param inputs          the graph inputs a caller feeds (initialisers excluded)
 * @param outputs         the graph outputs
 * @param operatorCounts  how many nodes use each operator, subgraphs included, by name; operators
 *                        of other domains are qualified ({@code com.microsoft.Attention})
 * @param nodeCount       all nodes, subgraphs included
 * @param parameterCount  the number of elements in all initialisers of the main graph
 */
public record ModelSummary(
        String producerName,
        String producerVersion,
        long irVersion,
        Map<String, Long> opsets,
        List<TensorSpec> inputs,
        List<TensorSpec> outputs,
        SortedMap<String, Integer> operatorCounts,
        long nodeCount,
        long parameterCount) {

    /**
     * How often one operator occurs.
     *
     * @param operator the operator, qualified by its domain unless it is the default one
     * @param count    the number of nodes using it
     */
    public record OperatorCount(String operator, int count) {}

    /** Copies the collections. */
    public ModelSummary {
        opsets = Collections.unmodifiableMap(new LinkedHashMap<>(opsets));
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        operatorCounts = Collections.unmodifiableSortedMap(new TreeMap<>(operatorCounts));
    }

    /** The default-domain ({@code ai.onnx}) opset, or -1 when the file imports none. */
    public long opset() {
        return opsets.getOrDefault(OnnxInspector.DEFAULT_DOMAIN, -1L);
    }

    /** The operators, the most frequent first (ties by name). */
    public List<OperatorCount> operatorsByCount() {
        List<OperatorCount> list = new ArrayList<>();
        operatorCounts.forEach((op, n) -> list.add(new OperatorCount(op, n)));
        list.sort(Comparator.comparingInt(OperatorCount::count).reversed().thenComparing(OperatorCount::operator));
        return list;
    }

    /** Whether the graph quantises activations at run time ({@code DynamicQuantizeLinear}, {@code MatMulInteger}, …). */
    public boolean quantisesDynamically() {
        return operatorCounts.keySet().stream()
                .anyMatch(op -> op.endsWith("DynamicQuantizeLinear")
                        || op.endsWith("DynamicQuantizeMatMul")
                        || op.endsWith("MatMulIntegerToFloat")
                        || op.endsWith("DynamicQuantizeLSTM"));
    }
}
