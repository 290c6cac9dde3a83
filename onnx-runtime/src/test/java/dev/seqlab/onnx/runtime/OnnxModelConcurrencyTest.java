package dev.seqlab.onnx.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.testing.ParallelAgreement;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.TestModels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** OnnxModel is documented as safe to {@code run} from several threads at once: 8 threads agree with one. */
class OnnxModelConcurrencyTest {

    @Test
    void eightThreadsGetTheSequentialAnswers() throws Exception {
        TestModels.Dense dense = new TestModels.Dense(11);
        List<float[]> batches = new ArrayList<>();
        Random r = new Random(5);
        for (int rows = 1; rows <= 24; rows++) {
            float[] x = new float[rows * TestModels.Dense.IN];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            batches.add(x);
        }
        try (OnnxModel model = OnnxModel.fromBytes(dense.model.toByteArray(), "dense", SessionOptions.threads(1))) {
            long compared = ParallelAgreement.check(8, Duration.ofSeconds(1), batches, x -> model.run(
                            Map.of("x", HostTensor.floats(x, x.length / TestModels.Dense.IN, TestModels.Dense.IN)))
                    .get("y")
                    .floats());
            assertTrue(compared >= 8 * batches.size(), compared + " answers compared");
        }
    }
}
