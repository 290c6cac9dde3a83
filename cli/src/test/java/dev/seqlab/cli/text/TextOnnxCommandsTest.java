package dev.seqlab.cli.text;

import static dev.seqlab.cli.CliRun.assertOneLineExit2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import dev.seqlab.core.param.Parameter;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.onnx.graph.GraphBuilder;
import dev.seqlab.onnx.graph.OnnxFiles;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharModelOptions;
import dev.seqlab.rnn.lm.CharVocabulary;
import dev.seqlab.rnn.onnx.RecurrentOnnxExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seqlab text export} and {@code seqlab text sample --onnx}, including their bad inputs. */
class TextOnnxCommandsTest {

    /** A small untrained LSTM model with random (seeded) weights, saved as a model directory. */
    private static Path model(Path dir) throws Exception {
        CharLanguageModel m = CharLanguageModel.create(
                CharVocabulary.of("the quick brown fox jumps\n"),
                CharModelOptions.defaults().withHidden(8),
                4);
        SeededRandom rng = new SeededRandom(2);
        for (Parameter p : m.parameters()) {
            float[] d = p.value().data();
            for (int i = 0; i < d.length; i++) {
                d[i] += (float) (0.5 * rng.nextGaussian());
            }
        }
        Path model = dir.resolve("model");
        m.save(model);
        return model;
    }

    @Test
    void exportThenSampleTheSameTextAsTheModelDirectory(@TempDir Path dir) throws Exception {
        Path model = model(dir);
        Path onnx = dir.resolve("lm.onnx");
        Path vocab = dir.resolve("lm.vocab.txt");
        CliRun export = CliRun.of(
                "text",
                "export",
                "--model",
                model.toString(),
                "--out",
                onnx.toString(),
                "--vocab",
                vocab.toString(),
                "--json");
        assertEquals(0, export.code(), export.err());
        JsonNode doc = Json.mapper().readTree(export.out());
        assertEquals("lstm", doc.get("cell").asText());
        assertEquals(2, doc.get("layers").asInt());
        assertEquals(Files.size(onnx), doc.get("bytes").asLong());
        assertTrue(Files.readString(vocab).startsWith("\\n\n \n"), "newline escaped, then space");

        String[] common = {"--prime", "the ", "--length", "40", "--seed", "3", "--temperature", "0.8", "--top-k", "6"};
        CliRun native1 = CliRun.of(concat(new String[] {"text", "sample", "--model", model.toString()}, common));
        CliRun fromOnnx = CliRun.of(concat(new String[] {"text", "sample", "--onnx", onnx.toString()}, common));
        CliRun withVocab = CliRun.of(concat(
                new String[] {"text", "sample", "--onnx", onnx.toString(), "--vocab", vocab.toString()}, common));
        assertEquals(0, fromOnnx.code(), fromOnnx.err());
        assertEquals(native1.out(), fromOnnx.out());
        assertEquals(native1.out(), withVocab.out());
        assertTrue(fromOnnx.out().startsWith("the ") && fromOnnx.out().length() == 45, fromOnnx.out());

        CliRun json = CliRun.of("text", "sample", "--onnx", onnx.toString(), "--length", "10", "--seed", "1", "--json");
        assertEquals(0, json.code(), json.err());
        assertEquals(10, Json.mapper().readTree(json.out()).get("text").asText().length());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void badOnnxInputsAreOneLineAndExit2(@TempDir Path dir) throws Exception {
        assertOneLineExit2(
                CliRun.of("text", "sample", "--onnx", dir.resolve("absent.onnx").toString()),
                "no such file: " + dir.resolve("absent.onnx"));

        Path corrupt = Files.writeString(dir.resolve("corrupt.onnx"), "not a protobuf at all, just words\n");
        assertOneLineExit2(CliRun.of("text", "sample", "--onnx", corrupt.toString()), corrupt + ": not an ONNX model");

        GraphBuilder g = new GraphBuilder("loop");
        g.input("tokens", GraphBuilder.INT64, "batch", "time");
        g.node("Loop", "", "", "tokens").name("decode_loop").output("logits");
        g.output("logits", GraphBuilder.FLOAT, "batch", "time", 3);
        Path loop = dir.resolve("loop.onnx");
        OnnxFiles.write(g.build(14, "test"), loop);
        assertOneLineExit2(
                CliRun.of("text", "sample", "--onnx", loop.toString(), "--vocab", "x"),
                "unsupported operator Loop (node 'decode_loop')");

        // a valid char graph without the vocabulary in its metadata needs --vocab
        Path model = model(dir);
        var proto = RecurrentOnnxExport.charModel(CharLanguageModel.load(model));
        Path bare = dir.resolve("bare.onnx");
        OnnxFiles.write(proto.toBuilder().clearMetadataProps().build(), bare);
        assertOneLineExit2(CliRun.of("text", "sample", "--onnx", bare.toString()), "give --vocab FILE");
        // …and then can start only from a prime
        Path vocab = Files.writeString(
                dir.resolve("v.txt"), "\\n\n \nb\nc\ne\nf\nh\ni\nj\nk\nm\nn\no\np\nq\nr\ns\nt\nu\nw\nx\n");
        assertOneLineExit2(
                CliRun.of("text", "sample", "--onnx", bare.toString(), "--vocab", vocab.toString()),
                "give a non-empty prime");
        CliRun ok = CliRun.of(
                "text",
                "sample",
                "--onnx",
                bare.toString(),
                "--vocab",
                vocab.toString(),
                "--prime",
                "the",
                "--length",
                "5");
        assertEquals(0, ok.code(), ok.err());
        Path shortVocab = Files.writeString(dir.resolve("short.txt"), "a\nb\nt\nh\ne\n");
        assertOneLineExit2(
                CliRun.of(
                        "text",
                        "sample",
                        "--onnx",
                        bare.toString(),
                        "--vocab",
                        shortVocab.toString(),
                        "--prime",
                        "the"),
                "vocabulary has 5 characters");
        Path badVocab = Files.writeString(dir.resolve("bad.txt"), "a\nxy\n");
        assertOneLineExit2(
                CliRun.of("text", "sample", "--onnx", bare.toString(), "--vocab", badVocab.toString()),
                badVocab + ":2: expected one character per line");

        assertOneLineExit2(
                CliRun.of("text", "sample", "--onnx", bare.toString(), "--model", model.toString()),
                "give either --model DIR or --onnx FILE");
        assertOneLineExit2(
                CliRun.of("text", "sample", "--model", model.toString(), "--vocab", vocab.toString()),
                "--vocab goes with --onnx");
        assertOneLineExit2(
                CliRun.of(
                        "text",
                        "export",
                        "--model",
                        dir.resolve("nope").toString(),
                        "--out",
                        dir.resolve("o.onnx").toString()),
                "nope");
        assertOneLineExit2(
                CliRun.of(
                        "text",
                        "export",
                        "--model",
                        model.toString(),
                        "--out",
                        dir.resolve("no/such/dir/o.onnx").toString()),
                "no such file");
    }

    @Test
    void helpShowsExamples() {
        CliRun export = CliRun.of("text", "export", "--help");
        assertEquals(0, export.code());
        assertTrue(export.out().contains("seqlab text export --model book-model --out book.onnx"), export.out());
        CliRun sample = CliRun.of("text", "sample", "--help");
        assertTrue(sample.out().contains("--onnx") && sample.out().contains("--vocab"), sample.out());
    }
}
