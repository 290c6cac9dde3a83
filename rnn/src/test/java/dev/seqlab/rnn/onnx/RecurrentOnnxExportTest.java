package dev.seqlab.rnn.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.lm.CharLanguageModel;
import org.junit.jupiter.api.Test;

/**
 * What seqlab's export writes besides the numbers (those are checked against ONNX Runtime in
 * onnx-conformance's {@code RecurrentOnnxExportRuntimeTest}, and against the interpreter in
 * {@link RecurrentOnnxImportTest} and {@link ImportedCharModelTest}).
 */
class RecurrentOnnxExportTest {

    @Test
    void vocabularyTravelsInTheMetadata() {
        CharLanguageModel m = RecurrentFixtures.charModel(CellKind.GRU, 1, 1);
        ModelProto p = RecurrentOnnxExport.charModel(m);
        String vocab = p.getMetadataPropsList().stream()
                .filter(e -> e.getKey().equals(RecurrentOnnxExport.VOCABULARY_KEY))
                .findFirst()
                .orElseThrow()
                .getValue();
        assertEquals(m.vocabulary().chars(), vocab);
        assertFalse(
                p.getGraph().getNodeList().stream().anyMatch(n -> n.getOpType().equals("Loop")));
    }
}
