package dev.seqlab.core.io.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    @TempDir
    Path dir;

    /** A file assembled by hand from the format description, independent of the writer. */
    private static byte[] handMade(String headerJson, byte[] data) {
        byte[] h = headerJson.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        return b.array();
    }

    private static byte[] le(Object... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object v : values) {
            ByteBuffer b;
            if (v instanceof Float f) {
                b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(f);
            } else if (v instanceof Double d) {
                b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(d);
            } else if (v instanceof Long l) {
                b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(l);
            } else if (v instanceof Short s) {
                b = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(s);
            } else {
                b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((Integer) v);
            }
            out.writeBytes(b.array());
        }
        return out.toByteArray();
    }

    private Path file(byte[] bytes) throws IOException {
        Path p = dir.resolve("m.safetensors");
        Files.write(p, bytes);
        return p;
    }

    @Test
    void readsAHandMadeFileWithSeveralDtypes() throws IOException {
        String header = "{\"__metadata__\":{\"arch\":\"lstm\"},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"d\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[16,24]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[24,28]},"
                + "\"bf\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[28,30]},"
                + "\"n\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[30,38]}}";
        byte[] data = le(1f, -2f, 3.5f, 0.25f, 0.1, (short) 0x3C00, (short) 0xC100, (short) 0x4049, 7L);
        SafeTensorsFile f = SafeTensors.read(file(handMade(header, data)));
        assertEquals(Map.of("arch", "lstm"), f.metadata());
        assertEquals(List.of("w", "d", "h", "bf", "n"), List.copyOf(f.tensors().keySet()));
        assertArrayEquals(new int[] {2, 2}, f.tensor("w").shape());
        assertArrayEquals(new float[] {1f, -2f, 3.5f, 0.25f}, f.tensor("w").data());
        assertEquals(0.1f, f.tensor("d").get(0));
        assertArrayEquals(new float[] {1f, -2.5f}, f.tensor("h").data()); // 0x3C00 = 1, 0xC100 = −2.5
        assertEquals(3.140625f, f.tensor("bf").get(0)); // 0x4049 → 0x40490000
        assertEquals(0, f.tensor("n").rank());
        assertEquals(7f, f.tensor("n").data()[0]);
        assertEquals(DType.F16, f.dtypes().get("h"));
    }

    @Test
    void writerProducesTheExactBytesOfTheFormat() throws IOException {
        Path p = dir.resolve("w.safetensors");
        SafeTensors.write(p, Map.of("a", Tensor.of(new float[] {1f, -2f}, 2)), Map.of("format", "pt"));
        String json =
                "{\"__metadata__\":{\"format\":\"pt\"},\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertEquals(85, json.length());
        byte[] expected = handMade(json + "   ", le(1f, -2f)); // padded with spaces to 88 bytes
        assertArrayEquals(expected, Files.readAllBytes(p));
    }

    @Test
    void roundTripKeepsOrderShapesValuesAndMetadata() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("lstm.W", Tensor.of(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, 2, 3));
        tensors.put("scalar", Tensor.of(new float[] {Float.MIN_VALUE}));
        tensors.put("empty", Tensor.zeros(0, 4));
        tensors.put("b", Tensor.of(new float[] {Float.NaN, Float.NEGATIVE_INFINITY, -0f}, 3));
        Map<String, String> meta = Map.of("arch", "char-lstm", "vocab", "65");
        Path p = dir.resolve("rt.safetensors");
        SafeTensors.write(p, tensors, meta);
        SafeTensorsFile f = SafeTensors.read(p);
        assertEquals(List.copyOf(tensors.keySet()), List.copyOf(f.tensors().keySet()));
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            assertArrayEquals(e.getValue().shape(), f.tensor(e.getKey()).shape());
            assertArrayEquals(e.getValue().data(), f.tensor(e.getKey()).data());
        }
        assertEquals(meta, f.metadata());
        assertEquals(0, Files.size(p) % 8 == 0 ? 0 : 0); // data starts 8-aligned:
        long headerLen = ByteBuffer.wrap(Files.readAllBytes(p), 0, 8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getLong();
        assertEquals(0, headerLen % 8);
    }

    @Test
    void halfPrecisionConversionIsExact() {
        assertEquals(65504f, DType.halfToFloat((short) 0x7BFF));
        assertEquals(0x1.0p-24f, DType.halfToFloat((short) 0x0001));
        assertEquals(Float.POSITIVE_INFINITY, DType.halfToFloat((short) 0x7C00));
        assertTrue(Float.isNaN(DType.halfToFloat((short) 0x7E00)));
        assertEquals(-0f, DType.halfToFloat((short) 0x8000));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(DType.halfToFloat((short) 0x8000)));
    }

    private void assertMalformed(byte[] bytes, String expectedPart) throws IOException {
        Path p = file(bytes);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> SafeTensors.read(p));
        assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
    }

    @Test
    void corruptFilesNameTheFileAndTheProblem() throws IOException {
        String good = "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertMalformed(new byte[] {1, 2, 3}, "too short");
        assertMalformed(le(1L << 40), "limit");
        assertMalformed(le(-1L), "limit");
        assertMalformed(le(100L, 0L), "runs past the end");
        assertMalformed(handMade("{not json", new byte[0]), "not valid JSON");
        assertMalformed(handMade("[1,2]", new byte[0]), "not a JSON object");
        assertMalformed(handMade(good, le(1f)), "truncated");
        assertMalformed(handMade(good, le(1f, 2f, 3f)), "bytes after the last tensor");
        assertMalformed(
                handMade("{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", le(1f, 2f)), "tensor 'x'");
        assertMalformed(
                handMade("{\"x\":{\"dtype\":\"C64\",\"shape\":[1],\"data_offsets\":[0,8]}}", le(1f, 2f)),
                "unsupported dtype C64");
        assertMalformed(
                handMade("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", le(1f, 2f)), "gap");
        assertMalformed(
                handMade(
                        "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                                + "\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
                        le(1f, 2f)),
                "overlaps");
        assertMalformed(
                handMade("{\"x\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", le(1f)),
                "invalid dimension");
        assertMalformed(handMade("{\"x\":{\"dtype\":\"F32\",\"shape\":[1]}}", le(1f)), "data_offsets");
        assertMalformed(handMade("{\"__metadata__\":{\"k\":1}}", new byte[0]), "not a string");
    }

    @Test
    void missingFileIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> SafeTensors.read(dir.resolve("absent.safetensors")));
    }

    @Test
    void unknownTensorNameListsTheKnownOnes() throws IOException {
        Path p = dir.resolve("k.safetensors");
        SafeTensors.write(p, Map.of("W", Tensor.zeros(1)), Map.of());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> SafeTensors.read(p).tensor("V"));
        assertTrue(e.getMessage().contains("[W]"), e.getMessage());
    }
}
