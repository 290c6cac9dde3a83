package dev.seqlab.core.io.safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes safetensors files (layout in the package documentation).
 *
 * <pre>{@code
 * SafeTensors.write(dir.resolve("model.safetensors"), params.values(), Map.of("arch", "lstm"));
 * SafeTensorsFile f = SafeTensors.read(dir.resolve("model.safetensors"));
 * params.load(f.tensors());
 * }</pre>
 */
public final class SafeTensors {
    /** Headers larger than this are refused as corrupt (the reference implementation uses 100 MB). */
    public static final long MAX_HEADER_BYTES = 100L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "__metadata__";

    private SafeTensors() {}

    /**
     * Writes the tensors as F32, in map order, with the metadata, atomically.
     *
     * @throws IllegalArgumentException if a name is empty or {@code __metadata__}
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        byte[] header = header(tensors, metadata);
        AtomicFiles.write(file, out -> {
            ByteBuffer len =
                    ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
            out.write(len.array());
            out.write(header);
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors.values()) {
                for (float v : t.data()) {
                    if (!chunk.hasRemaining()) {
                        out.write(chunk.array(), 0, chunk.position());
                        chunk.clear();
                    }
                    chunk.putFloat(v);
                }
            }
            out.write(chunk.array(), 0, chunk.position());
        });
    }

    /** The JSON header, padded with spaces to a multiple of 8 bytes. */
    static byte[] header(Map<String, Tensor> tensors, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode m = root.putObject(METADATA);
            metadata.forEach(m::put);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isEmpty() || name.equals(METADATA)) {
                throw new IllegalArgumentException("invalid tensor name '" + name + "'");
            }
            Tensor t = e.getValue();
            ObjectNode n = root.putObject(name);
            n.put("dtype", DType.F32.name());
            ArrayNode shape = n.putArray("shape");
            for (int d : t.shape()) {
                shape.add(d);
            }
            long end = offset + 4L * t.size();
            n.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int padded = (json.length + 7) & ~7;
        byte[] h = Arrays.copyOf(json, padded);
        Arrays.fill(h, json.length, padded, (byte) ' ');
        return h;
    }

    /**
     * Reads a whole file, converting every tensor to float32.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws MalformedFileException            naming the file (and tensor) if it breaks the format
     */
    public static SafeTensorsFile read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw bad(file, "too short to be a safetensors file (" + size + " bytes)");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long n = lenBuf.getLong(0);
            if (n < 0 || n > MAX_HEADER_BYTES) {
                throw bad(
                        file,
                        "header length " + Long.toUnsignedString(n) + " is beyond the " + (MAX_HEADER_BYTES >> 20)
                                + " MB limit: not a safetensors file, or corrupt");
            }
            if (n > size - 8) {
                throw bad(
                        file,
                        "header length " + n + " runs past the end of the file (" + size
                                + " bytes): the file is truncated or not a safetensors file");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) n);
            readFully(ch, hb, 8);
            List<Entry> entries = new ArrayList<>();
            Map<String, String> metadata = parseHeader(file, hb.array(), entries);
            long dataStart = 8 + n;
            long dataSize = size - dataStart;
            checkOffsets(file, entries, dataSize);
            if (dataSize > Integer.MAX_VALUE) {
                throw bad(file, "tensor data over 2 GB is not supported yet");
            }
            ByteBuffer data =
                    ch.map(FileChannel.MapMode.READ_ONLY, dataStart, dataSize).order(ByteOrder.LITTLE_ENDIAN);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            Map<String, DType> dtypes = new LinkedHashMap<>();
            for (Entry e : entries) {
                Tensor t = Tensor.zeros(e.shape);
                float[] d = t.data();
                int pos = (int) e.begin;
                if (e.dtype == DType.F32) {
                    data.slice(pos, d.length * 4)
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .asFloatBuffer()
                            .get(d);
                } else {
                    for (int i = 0; i < d.length; i++) {
                        d[i] = e.dtype.read(data, pos + i * e.dtype.bytes());
                    }
                }
                tensors.put(e.name, t);
                dtypes.put(e.name, e.dtype);
            }
            return new SafeTensorsFile(tensors, dtypes, metadata);
        }
    }

    private record Entry(String name, DType dtype, int[] shape, long begin, long end) {}

    private static Map<String, String> parseHeader(Path file, byte[] header, List<Entry> out)
            throws MalformedFileException {
        JsonNode root;
        try {
            root = JSON.readTree(new String(header, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw bad(file, "header is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "header is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            JsonNode v = f.getValue();
            if (name.equals(METADATA)) {
                if (!v.isObject()) {
                    throw bad(file, "__metadata__ must be an object of strings");
                }
                Iterator<Map.Entry<String, JsonNode>> m = v.fields();
                while (m.hasNext()) {
                    Map.Entry<String, JsonNode> kv = m.next();
                    if (!kv.getValue().isTextual()) {
                        throw bad(file, "__metadata__ value for '" + kv.getKey() + "' is not a string");
                    }
                    metadata.put(kv.getKey(), kv.getValue().asText());
                }
                continue;
            }
            out.add(parseEntry(file, name, v));
        }
        return metadata;
    }

    private static Entry parseEntry(Path file, String name, JsonNode v) throws MalformedFileException {
        String where = "tensor '" + name + "': ";
        if (!v.isObject()) {
            throw bad(file, where + "entry is not an object");
        }
        JsonNode dt = v.get("dtype");
        if (dt == null || !dt.isTextual()) {
            throw bad(file, where + "missing dtype");
        }
        DType dtype;
        try {
            dtype = DType.valueOf(dt.asText());
        } catch (IllegalArgumentException e) {
            throw bad(
                    file,
                    where + "unsupported dtype " + dt.asText() + " (seqlab reads " + Arrays.toString(DType.values())
                            + ")");
        }
        JsonNode sh = v.get("shape");
        if (sh == null || !sh.isArray()) {
            throw bad(file, where + "missing shape");
        }
        int[] shape = new int[sh.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = sh.get(i);
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0 || d.asLong() > Integer.MAX_VALUE) {
                throw bad(file, where + "shape " + sh + " has an invalid dimension");
            }
            shape[i] = (int) d.asLong();
            count = Math.multiplyExact(count, shape[i]);
        }
        JsonNode off = v.get("data_offsets");
        if (off == null
                || !off.isArray()
                || off.size() != 2
                || !off.get(0).isIntegralNumber()
                || !off.get(1).isIntegralNumber()) {
            throw bad(file, where + "data_offsets must be [begin, end]");
        }
        long begin = off.get(0).asLong();
        long end = off.get(1).asLong();
        if (begin < 0 || end < begin) {
            throw bad(file, where + "data_offsets " + off + " are not an increasing range");
        }
        if (end - begin != count * dtype.bytes()) {
            throw bad(
                    file,
                    where + "shape " + sh + " of " + dtype + " needs " + count * dtype.bytes()
                            + " bytes but data_offsets " + off + " span " + (end - begin));
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    /** The tensors must tile the data buffer exactly: sorted by offset, no gap, no overlap. */
    private static void checkOffsets(Path file, List<Entry> entries, long dataSize) throws MalformedFileException {
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        for (Entry e : entries) {
            if (e.begin != expected) {
                throw bad(
                        file,
                        "tensor '" + e.name + "': data starts at byte " + e.begin + ", expected " + expected
                                + (e.begin < expected ? " (overlaps the previous tensor)" : " (gap before it)"));
            }
            expected = e.end;
        }
        if (expected != dataSize) {
            throw bad(
                    file,
                    expected > dataSize
                            ? "tensor data ends at byte " + expected + " but the file holds only " + dataSize
                                    + " data bytes (truncated)"
                            : "the file has " + (dataSize - expected) + " bytes after the last tensor");
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int r = ch.read(b, pos + b.position());
            if (r < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        b.flip();
    }

    private static MalformedFileException bad(Path file, String problem) {
        return new MalformedFileException(file, 0, problem);
    }
}
