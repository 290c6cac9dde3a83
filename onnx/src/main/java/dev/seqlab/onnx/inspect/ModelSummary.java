package dev.seqlab.onnx.inspect;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Collections;

/**
 * What an ONNX file declares about itself and its graph.
 *
 * @param producerName    the tool that wrote the file ({@code pytorch}, {@code onnx.quantize}, …), may be empty
 * @param producerVersion its version, may be empty
 * @param irVersion       the ONNX IR version
 * @param opsets          operator set versions by domain ({@code ai.onnx} for the default domain)
 * @param inputs          the graph inputs a caller feeds (initialisers excluded)
 * @param outputs         the graph outputs
 * @param operatorCounts  how many nodes use each operator, subgraphs included; operators of
 *                        other domains are qualified ({@code com.microsoft.Attention})
 * @param nodeCount       all nodes, subgraphs included
 * @param parameterCount  the number of elements in all initialisers
 */
public record ModelSummary(String producerName, String producerVersion, long irVersion,
                           Map<String, Long> opsets, List<TensorSpec> inputs, List<TensorSpec> outputs,
                           SortedMap<String, Integer> operatorCounts, long nodeCount, long parameterCount) {

    public ModelSummary {
        opsets = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(opsets));
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        operatorCounts = Collections.unmodifiableSortedMap(new TreeMap<>(operatorCounts));
    }

    /** The default-domain ({@code ai.onnx}) opset, or -1 when the file imports none. */
    public long opset() {
        return opsets.getOrDefault(OnnxInspector.DEFAULT_DOMAIN, -1L);
    }
}
