package dev.seqlab.onnx.inspect;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.testing.Fuzzer;
import dev.seqlab.onnx.TestModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutated ONNX models into the inspector: only MalformedFileException naming the file, bounded memory, no hang. */
class OnnxInspectorFuzzTest {
    @TempDir
    Path dir;

    @Test
    void onnxModels() throws Exception {
        List<byte[]> seeds = List.of(
                new TestModels.Dense(3).model.toByteArray(), TestModels.lookup().toByteArray());
        Fuzzer.run(
                new Fuzzer.Target(
                        "ONNX (inspector)",
                        seeds,
                        "fuzz.onnx",
                        OnnxInspector::read,
                        List.of(MalformedFileException.class)),
                dir,
                91,
                Fuzzer.CASES);
    }
}
