package dev.seqlab.cli.dates;

import static dev.seqlab.cli.CliRun.assertOneLineExit2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.attention.onnx.AttentionOnnxExport;
import dev.seqlab.attention.onnx.TransformerOnnxExport;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.dates.DateVocabulary;
import dev.seqlab.generators.cache.CachedModel;
import dev.seqlab.generators.dates.DateNormalizer;
import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.runtime.OnnxModel;
import dev.seqlab.onnx.runtime.SessionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seqlab dates export}, on models of both architectures trained for a moment and placed in a temporary cache. */
class DatesExportCommandTest {
    @TempDir
    static Path home;

    private static DateNormalizer normalizer;
    private static DateNormalizer transformer;

    @BeforeAll
    static void smallModels() throws Exception {
        System.setProperty("seqlab.home", home.toString());
        normalizer = DateNormalizer.train(DateNormalizer.Training.defaults().withSize(256, 1), ProgressListener.NONE);
        normalizer.save(CachedModel.dir(DateNormalizer.MODEL));
        transformer = DateNormalizer.train(
                DateNormalizer.Training.defaults(DateNormalizer.Architecture.TRANSFORMER)
                        .withSize(1024, 1),
                ProgressListener.NONE);
        transformer.save(CachedModel.dir(DateNormalizer.Architecture.TRANSFORMER.cacheName()));
    }

    @AfterAll
    static void clear() {
        System.clearProperty("seqlab.home");
    }

    @Test
    void exportsTheCachedModelWhichOnnxRuntimeRunsLikeTheNormalizer(@TempDir Path dir) throws Exception {
        Path onnx = dir.resolve("dates.onnx");
        CliRun r = CliRun.of("dates", "export", "--out", onnx.toString(), "--json");
        assertExported(r, onnx, "attention", AttentionOnnxExport.OPSET);
        assertRunsLike(normalizer, onnx);

        Path other = dir.resolve("other.onnx");
        CliRun plain = CliRun.of(
                "dates",
                "export",
                "--model",
                CachedModel.dir(DateNormalizer.MODEL).toString(),
                "--out",
                other.toString());
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.out().startsWith("wrote " + other), plain.out());
        assertTrue(Files.size(other) > 0);
    }

    @Test
    void exportsTheCachedTransformerWhichOnnxRuntimeRunsLikeTheNormalizer(@TempDir Path dir) throws Exception {
        Path onnx = dir.resolve("dates-transformer.onnx");
        CliRun r = CliRun.of("dates", "export", "--arch", "transformer", "--out", onnx.toString(), "--json");
        assertExported(r, onnx, "transformer", TransformerOnnxExport.OPSET);
        assertRunsLike(transformer, onnx);

        Path other = dir.resolve("other.onnx");
        String saved = CachedModel.dir(DateNormalizer.Architecture.TRANSFORMER.cacheName())
                .toString();
        CliRun plain = CliRun.of("dates", "export", "--model", saved, "--out", other.toString());
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.out().startsWith("wrote " + other + " (transformer date model"), plain.out());
        assertRunsLike(transformer, other);
    }

    private static void assertExported(CliRun r, Path onnx, String architecture, int opset) throws Exception {
        assertEquals(0, r.code(), r.err());
        JsonNode doc = Json.mapper().readTree(r.out());
        assertEquals(onnx.toString(), doc.get("onnx").asText());
        assertEquals(Files.size(onnx), doc.get("bytes").asLong());
        assertEquals(architecture, doc.get("architecture").asText());
        assertEquals(opset, doc.get("opset").asInt());
    }

    /** ONNX Runtime picks the characters {@code n} does, with its probabilities within 1e-5. */
    private static void assertRunsLike(DateNormalizer n, Path onnx) throws Exception {
        String date = "tue 10 jul 2007";
        int[] ids = DateVocabulary.encodeInput(date);
        long[] tokens = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            tokens[i] = ids[i];
        }
        DateNormalizer.Result expected = n.normalize(date);
        try (OnnxModel ort = OnnxModel.open(onnx, SessionOptions.threads(1))) {
            float[] p = ort.run(Map.of("tokens", HostTensor.longs(tokens, 1, ids.length)))
                    .get("probabilities")
                    .floats();
            int vo = DateVocabulary.outputSize();
            int[] best = new int[DateVocabulary.OUTPUT_LENGTH];
            for (int s = 0; s < best.length; s++) {
                for (int k = 1; k < vo; k++) {
                    if (p[s * vo + k] > p[s * vo + best[s]]) {
                        best[s] = k;
                    }
                }
                assertEquals(expected.probabilities()[s], p[s * vo + best[s]], 1e-5);
            }
            assertEquals(expected.iso(), DateVocabulary.decodeOutput(best));
        }
    }

    @Test
    void badUsageIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        // with nothing cached, an unwritable --out is refused before minutes of training
        Path empty = Files.createDirectory(dir.resolve("empty-home"));
        System.setProperty("seqlab.home", empty.toString());
        try {
            assertOneLineExit2(
                    CliRun.of(
                            "dates",
                            "export",
                            "--arch",
                            "transformer",
                            "--out",
                            dir.resolve("no/such/dir/t.onnx").toString()),
                    "no such file");
            assertFalse(DateNormalizer.cached(DateNormalizer.Architecture.TRANSFORMER), "refused before training");
        } finally {
            System.setProperty("seqlab.home", home.toString());
        }
        assertOneLineExit2(
                CliRun.of(
                        "dates",
                        "export",
                        "--out",
                        dir.resolve("no/such/dir/d.onnx").toString()),
                "no such file");
        assertOneLineExit2(
                CliRun.of(
                        "dates",
                        "export",
                        "--model",
                        dir.resolve("nope").toString(),
                        "--out",
                        dir.resolve("d.onnx").toString()),
                "nope");
        CliRun missing = CliRun.of("dates", "export");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--out"), missing.err());
        CliRun unknown = CliRun.of(
                "dates",
                "export",
                "--arch",
                "recurrent",
                "--out",
                dir.resolve("d.onnx").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("expected one of [ATTENTION, TRANSFORMER]"), unknown.err());
    }

    @Test
    void helpShowsAnExample() {
        CliRun help = CliRun.of("dates", "export", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("seqlab dates export --out dates.onnx"), help.out());
        assertTrue(
                help.out().contains("seqlab dates export --arch transformer --out dates-transformer.onnx"), help.out());
        assertFalse(help.out().contains("not exportable"), help.out());
        assertTrue(CliRun.of("dates", "--help").out().contains("dates export"));
    }
}
