package dev.seqlab.bench.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.runtime.OnnxModel;
import dev.seqlab.rnn.onnx.ImportedModel;
import dev.seqlab.rnn.onnx.RecurrentOnnxImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * seqlab's ONNX import against PyTorch itself: for every {@code NAME.onnx} that
 * {@code bench/python/torch_recurrent_export.py} wrote with {@code torch.onnx.export}, feeds the
 * input saved in {@code NAME.json} to the model imported onto seqlab's cells and to ONNX Runtime,
 * and prints the largest difference of each output from PyTorch's, one line per model, then a
 * JSON summary.
 *
 * <p>Usage: {@code TorchImportCheck DIR}
 */
public final class TorchImportCheck {

    private TorchImportCheck() {}

    /** Checks every model in the directory given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<Path> models;
        try (Stream<Path> files = Files.list(dir)) {
            models = files.filter(p -> p.toString().endsWith(".onnx")).sorted().toList();
        }
        ObjectMapper json = new ObjectMapper();
        double worstSeqlab = 0;
        double worstOrt = 0;
        for (Path file : models) {
            String name = file.getFileName().toString().replace(".onnx", "");
            JsonNode record = json.readTree(dir.resolve(name + ".json").toFile());
            Map<String, HostTensor> feeds = new HashMap<>();
            record.get("inputs")
                    .fields()
                    .forEachRemaining(e -> feeds.put(e.getKey(), tensor(e.getKey(), e.getValue())));
            ImportedModel imported = RecurrentOnnxImport.read(file);
            Map<String, HostTensor> ours = imported.run(feeds);
            Map<String, HostTensor> ort;
            try (OnnxModel model = OnnxModel.open(file)) {
                ort = model.run(feeds);
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s", name));
            var outputs = record.get("outputs").fields();
            while (outputs.hasNext()) {
                var e = outputs.next();
                float[] torch = floats(e.getValue().get("data"));
                double dSeqlab = maxDiff(torch, ours.get(e.getKey()).floats());
                double dOrt = maxDiff(torch, ort.get(e.getKey()).floats());
                worstSeqlab = Math.max(worstSeqlab, dSeqlab);
                worstOrt = Math.max(worstOrt, dOrt);
                line.append(
                        String.format(Locale.ROOT, "  %s: seqlab %.2e, onnxruntime %.2e", e.getKey(), dSeqlab, dOrt));
            }
            System.out.println(line);
        }
        System.out.printf(
                Locale.ROOT,
                "{\"models\": %d, \"max_diff_seqlab_vs_torch\": %.3e, \"max_diff_onnxruntime_vs_torch\": %.3e}%n",
                models.size(),
                worstSeqlab,
                worstOrt);
    }

    private static HostTensor tensor(String name, JsonNode t) {
        JsonNode shapeNode = t.get("shape");
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        JsonNode data = t.get("data");
        if (name.equals("tokens")) {
            long[] ids = new long[data.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = data.get(i).asLong();
            }
            return HostTensor.longs(ids, shape);
        }
        return HostTensor.floats(floats(data), shape);
    }

    private static float[] floats(JsonNode data) {
        float[] v = new float[data.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) data.get(i).asDouble();
        }
        return v;
    }

    private static double maxDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalStateException("sizes differ: " + a.length + " and " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
