package dev.seqlab.rnn.onnx;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.testing.Fuzzer;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharModelOptions;
import dev.seqlab.rnn.lm.CharVocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated exported character models into the ONNX importer: only MalformedFileException naming
 * the file, bounded memory, no hang; and the models the fuzzer found that broke those rules.
 */
class RecurrentOnnxImportFuzzTest {
    @TempDir
    Path dir;

    private static byte[] exported(CellKind cell, int layers) {
        CharLanguageModel m =
                CharLanguageModel.create(CharVocabulary.of("abcdef\n"), new CharModelOptions(cell, 6, layers, 0f), 5);
        return RecurrentOnnxExport.charModel(m).toByteArray();
    }

    /** The GRU model with its first initializer changed by {@code edit}, imported. */
    private MalformedFileException importedWithFirstInitializer(UnaryOperator<TensorProto.Builder> edit)
            throws Exception {
        ModelProto.Builder m = ModelProto.parseFrom(exported(CellKind.GRU, 1)).toBuilder();
        TensorProto.Builder t = m.getGraphBuilder().getInitializerBuilder(0);
        assertTrue(!t.getRawData().isEmpty() || t.getFloatDataCount() > 0, t.getName());
        edit.apply(t);
        Path file = dir.resolve("edited.onnx");
        Files.write(file, m.build().toByteArray());
        return assertThrows(MalformedFileException.class, () -> RecurrentOnnxImport.read(file));
    }

    private static TensorProto.Builder withoutData(TensorProto.Builder t) {
        return t.clearRawData().clearFloatData();
    }

    /** Found by fuzzing: a tensor holding fewer bytes than its shape announces was a BufferUnderflowException. */
    @Test
    void tensorHoldingLessThanItsShapeIsMalformed() throws Exception {
        String m = importedWithFirstInitializer(t -> withoutData(t).addFloatData(1f))
                .getMessage();
        assertTrue(m.contains("but holds 1 values"), m);
        m = importedWithFirstInitializer(t -> withoutData(t).setRawData(ByteString.copyFrom(new byte[6])))
                .getMessage();
        assertTrue(m.contains("but holds 6 bytes"), m);
    }

    @Test
    void hugeOrNegativeDimensionsFailBeforeAllocating() throws Exception {
        String m = importedWithFirstInitializer(
                        t -> t.clearDims().addDims(65536).addDims(32768))
                .getMessage();
        assertTrue(m.contains("(2147483648 values)") || m.contains("not a shape seqlab can hold"), m);
        m = importedWithFirstInitializer(t -> t.clearDims().addDims(46340).addDims(46340))
                .getMessage();
        assertTrue(m.contains("(2147395600 values) but holds"), m);
        m = importedWithFirstInitializer(t -> t.clearDims().addDims(-3).addDims(4))
                .getMessage();
        assertTrue(m.contains("not a shape seqlab can hold"), m);
    }

    @Test
    void onnxModels() throws Exception {
        List<byte[]> seeds = List.of(exported(CellKind.GRU, 1), exported(CellKind.LSTM, 2), exported(CellKind.RNN, 1));
        Fuzzer.run(
                new Fuzzer.Target(
                        "ONNX (recurrent importer)",
                        seeds,
                        "fuzz.onnx",
                        RecurrentOnnxImport::read,
                        List.of(MalformedFileException.class)),
                dir,
                92,
                Fuzzer.CASES);
    }
}
