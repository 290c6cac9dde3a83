package dev.seqlab.core.io.safetensors;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.tensor.Tensor;
import dev.seqlab.core.testing.Fuzzer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutated safetensors files (headers above all): only MalformedFileException naming the file, bounded memory, no hang. */
class SafeTensorsFuzzTest {
    @TempDir
    Path dir;

    /** A file of F16 and BF16 tensors written by hand, as other tools write them. */
    private static byte[] halfPrecision() {
        String json = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"a\":{\"dtype\":\"F16\",\"shape\":[2,2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[8,14]}}";
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + 14).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        for (int i = 0; i < 7; i++) {
            b.putShort((short) (0x3c00 + i));
        }
        return b.array();
    }

    @Test
    void safetensorsFiles() throws Exception {
        Path written = dir.resolve("seed.safetensors");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("layer.weight", Tensor.of(new float[] {1, -2, 3.5f, 0, 1e-3f, 7}, 2, 3));
        tensors.put("layer.bias", Tensor.of(new float[] {0.25f, -0.5f}, 2));
        tensors.put("scalar", Tensor.of(new float[] {42}, 1));
        SafeTensors.write(written, tensors, Map.of("architecture", "test"));
        Fuzzer.run(
                new Fuzzer.Target(
                        "safetensors",
                        List.of(Files.readAllBytes(written), halfPrecision()),
                        "fuzz.safetensors",
                        file -> SafeTensors.read(file),
                        List.of(MalformedFileException.class)),
                dir,
                21,
                Fuzzer.CASES);
    }
}
