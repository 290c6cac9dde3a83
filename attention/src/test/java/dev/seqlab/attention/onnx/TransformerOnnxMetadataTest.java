package dev.seqlab.attention.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import dev.seqlab.attention.transformer.TransformerOptions;
import dev.seqlab.attention.transformer.TransformerSeq2Seq;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the Transformer export writes besides the numbers (those are checked against ONNX Runtime
 * in onnx-conformance's {@code TransformerOnnxExportTest}).
 */
class TransformerOnnxMetadataTest {

    @Test
    void metadataNamesTheArchitectureAndSizes() {
        TransformerSeq2Seq m = TransformerSeq2Seq.create(new TransformerOptions(7, 5, 6, 4, 6, 2, 10, 1), 3);
        ModelProto proto = TransformerOnnxExport.seq2seq(m, Map.of("test.key", "value"));
        Map<String, String> meta = new HashMap<>();
        for (StringStringEntryProto e : proto.getMetadataPropsList()) {
            meta.put(e.getKey(), e.getValue());
        }
        assertEquals(TransformerSeq2Seq.ARCHITECTURE, meta.get(TransformerOnnxExport.ARCHITECTURE_KEY));
        assertEquals("6", meta.get("seqlab.input_length"));
        assertEquals("4", meta.get("seqlab.output_length"));
        assertEquals("7", meta.get("seqlab.input_vocabulary"));
        assertEquals("5", meta.get("seqlab.output_vocabulary"));
        assertEquals("6", meta.get("seqlab.d_model"));
        assertEquals("2", meta.get("seqlab.heads"));
        assertEquals("10", meta.get("seqlab.feed_forward"));
        assertEquals("1", meta.get("seqlab.layers"));
        assertEquals("value", meta.get("test.key"));
    }
}
