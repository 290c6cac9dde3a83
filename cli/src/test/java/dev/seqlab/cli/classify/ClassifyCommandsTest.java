package dev.seqlab.cli.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.classify.SyntheticSentences;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandsTest {
    @TempDir
    static Path dir;

    static Path vectors;
    static Path train;
    static Path test;
    static Path model;

    @BeforeAll
    static void trainOnce() throws Exception {
        vectors = dir.resolve("vectors.txt");
        SyntheticSentences.writeVectors(vectors, SyntheticSentences.vectors());
        train = dir.resolve("train.csv");
        SyntheticSentences.writeCsv(train, SyntheticSentences.rows(300, 1));
        test = dir.resolve("test.csv");
        SyntheticSentences.writeCsv(test, SyntheticSentences.rows(100, 2));
        model = dir.resolve("model");
        CliRun r = CliRun.of(
                "classify",
                "train",
                "--data",
                train.toString(),
                "--vectors",
                vectors.toString(),
                "--model",
                model.toString(),
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode s = Json.mapper().readTree(r.out());
        assertEquals(300, s.get("sentences").asInt());
        assertEquals(3, s.get("classes").size());
        assertTrue(s.get("unknown_tokens").asLong() > 0, r.out());
    }

    @Test
    void evaluatePrintsTheScoresAndDrawsTheMatrix() throws Exception {
        Path png = dir.resolve("cm.png");
        CliRun r = CliRun.of(
                "classify",
                "evaluate",
                "--model",
                model.toString(),
                "--data",
                test.toString(),
                "--png",
                png.toString(),
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode e = Json.mapper().readTree(r.out());
        assertTrue(e.get("accuracy").asDouble() > 0.9, r.out());
        assertEquals(3, e.get("classes").size());
        assertTrue(Files.size(png) > 0);
        CliRun text = CliRun.of("classify", "evaluate", "--model", model.toString(), "--data", test.toString());
        assertTrue(text.out().contains("macro avg") && text.out().contains("confusion matrix"), text.out());
    }

    @Test
    void predictAnswersEveryInputLineInOrderDeclinedOnesIncluded() {
        CliRun r = CliRun.of(
                "classify",
                "predict",
                "--model",
                model.toString(),
                "--top",
                "2",
                "happy smile w3",
                "zzyzx",
                "bread soup w1");
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("happy smile w3\tjoy\t"), lines.get(0));
        assertEquals(5, lines.get(0).split("\t").length, lines.get(0));
        assertTrue(lines.get(1).startsWith("zzyzx\t\tdeclined: "), lines.get(1));
        assertTrue(lines.get(2).startsWith("bread soup w1\tfood\t"), lines.get(2));
        assertEquals(
                "seqlab: 1 of 3 sentences declined (empty label, reason in the third column)",
                r.err().strip());
    }

    @Test
    void predictIsAFilterOnStdin() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("race ball team\n\nglad cheer\n".getBytes(StandardCharsets.UTF_8)));
            CliRun r = CliRun.of("classify", "predict", "--model", model.toString());
            List<String> lines = r.out().lines().toList();
            assertEquals(3, lines.size(), r.out());
            assertTrue(lines.get(0).startsWith("race ball team\tsport, outdoors\t"), lines.get(0));
            assertTrue(lines.get(1).startsWith("\t\tdeclined: empty sentence"), lines.get(1));
            assertTrue(lines.get(2).startsWith("glad cheer\tjoy\t"), lines.get(2));
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void exportWritesOnnx() throws Exception {
        Path onnx = dir.resolve("m.onnx");
        CliRun r = CliRun.of("classify", "export", "--model", model.toString(), "--out", onnx.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(onnx) > 0);
    }

    private static CliRun trainOn(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "classify",
                "train",
                "--data",
                data.toString(),
                "--vectors",
                vectors.toString(),
                "--model",
                dir.resolve("bad-model").toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void badInputIsOneLineAndExit2() throws Exception {
        CliRun.assertOneLineExit2(
                trainOn(train, "--text-column", "sentence"), "train.csv:1: no column 'sentence' in the header");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        CliRun.assertOneLineExit2(trainOn(empty), "empty.csv: no rows");
        Path single = Files.writeString(dir.resolve("single.csv"), "text,label\nhappy day,joy\nglad,joy\n");
        CliRun.assertOneLineExit2(trainOn(single), "single.csv: only one class ('joy')");
        Path blank = Files.writeString(dir.resolve("blank.csv"), "text,label\nhappy day,\nglad,\n");
        CliRun.assertOneLineExit2(trainOn(blank), "blank.csv:2: the label (column 2) is blank");
        Path short5 = dir.resolve("v5.txt");
        SyntheticSentences.writeVectors(short5, SyntheticSentences.vectors(5));
        CliRun.assertOneLineExit2(
                CliRun.of("classify", "predict", "--model", model.toString(), "--vectors", short5.toString(), "hi"),
                "v5.txt: the word vectors have dimension 5 but the model");
        Path unknown = Files.writeString(dir.resolve("unknown.csv"), "text,label\nhappy,joy\nrain,weather\n");
        CliRun.assertOneLineExit2(
                CliRun.of("classify", "evaluate", "--model", model.toString(), "--data", unknown.toString()),
                "unknown.csv:3: class 'weather' is not one the model knows");
    }
}
