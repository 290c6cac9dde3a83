package dev.seqlab.sentences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SentenceEncoder's batching, padding and pooling on a model whose answers are table lookups. */
class SentenceEncoderTest {

    @TempDir
    Path dir;

    /** Sentences of 1 to 9 words over the tiny vocabulary, some truncated at 8 tokens. */
    private static final List<String> SENTENCES = List.of(
            "hello",
            "hello world!",
            "unaffable running runs, a",
            "cafe 中国",
            "",
            "a a a a a a a a a",
            "world",
            "running hello unaffable cafe",
            "!!",
            "hello [MASK] world",
            "xyz unknown words");

    private static void assertPooled(SentenceEncoder enc, List<String> sentences, float[][] vectors) {
        assertEquals(sentences.size(), vectors.length);
        for (int i = 0; i < sentences.size(); i++) {
            double[] expected =
                    TinyEncoder.expected(enc.tokenize(sentences.get(i)).ids());
            for (int k = 0; k < TinyEncoder.DIM; k++) {
                assertEquals(
                        expected[k], vectors[i][k], 1e-6, "sentence " + i + " [" + sentences.get(i) + "] axis " + k);
            }
        }
    }

    @Test
    void meanPoolsRealTokensOnlyInPaddedSortedBatches() throws IOException {
        Path model = TinyEncoder.write(dir.resolve("tiny"), false, true, 8);
        for (int threads : new int[] {1, 3}) {
            for (int batch : new int[] {0, 1, 4}) {
                SentenceEncoderOptions options = new SentenceEncoderOptions(0, batch, threads);
                try (SentenceEncoder enc = SentenceEncoder.open(model, options)) {
                    assertEquals(TinyEncoder.DIM, enc.dimension());
                    assertEquals(8, enc.maxLength(), "from the tokenizer.json");
                    assertFalse(enc.quantisesDynamically());
                    assertEquals(batch == 0 ? SentenceEncoderOptions.DEFAULT_BATCH : batch, enc.batchSize());
                    assertPooled(enc, SENTENCES, enc.encode(SENTENCES));
                    assertEquals(
                            List.of("[CLS]", "a", "a", "a", "a", "a", "a", "[SEP]"),
                            enc.tokenize("a a a a a a a a a").tokens());
                }
            }
        }
    }

    @Test
    void aLongerMaximumLengthAndModelsWithoutTokenTypes() throws IOException {
        Path model = TinyEncoder.write(dir.resolve("no-types"), false, false, 0);
        try (SentenceEncoder enc = SentenceEncoder.open(model, SentenceEncoderOptions.DEFAULT.withMaxLength(64))) {
            assertEquals(List.of("input_ids", "attention_mask"), enc.model().inputNames());
            float[][] v = enc.encode(SENTENCES);
            for (int i = 0; i < SENTENCES.size(); i++) {
                int[] ids = enc.tokenize(SENTENCES.get(i)).ids();
                // no type vector in this model: E rows only
                double[] m = new double[3];
                for (int id : ids) {
                    for (int k = 0; k < 3; k++) {
                        m[k] += TinyEncoder.row(id)[k];
                    }
                }
                double n = Math.sqrt(m[0] * m[0] + m[1] * m[1] + m[2] * m[2]);
                for (int k = 0; k < 3; k++) {
                    assertEquals(m[k] / n, v[i][k], 1e-6);
                }
            }
            assertEquals(11, enc.tokenize("a a a a a a a a a").length());
        }
    }

    @Test
    void hfRepositoryLayoutWithTheModelUnderOnnx() throws IOException {
        Path repo = dir.resolve("repo");
        TinyEncoder.write(repo.resolve("onnx"), false, true, 8);
        Files.move(repo.resolve("onnx/tokenizer.json"), repo.resolve("tokenizer.json"));
        try (SentenceEncoder enc = SentenceEncoder.open(repo)) {
            assertTrue(enc.name().endsWith("model.onnx"), enc.name());
            assertPooled(enc, List.of("hello world"), new float[][] {enc.encode("hello world")});
        }
    }

    /**
     * The reason the encoder runs dynamically quantised models one sentence at a time: their
     * activation scale is taken over the batch, so batch-mates change a sentence's vector.
     */
    @Test
    void dynamicallyQuantisedModelsRunOneSentenceAtATime() throws IOException {
        Path model = TinyEncoder.write(dir.resolve("quantised"), true, true, 8);
        try (SentenceEncoder auto = SentenceEncoder.open(model);
                SentenceEncoder batched = SentenceEncoder.open(model, new SentenceEncoderOptions(0, 8, 1))) {
            assertTrue(auto.quantisesDynamically());
            assertEquals(1, auto.batchSize());
            assertEquals(8, batched.batchSize());
            float[] alone = auto.encode("hello");
            assertArrayEquals(alone, auto.encode(List.of("hello", "a a a a", "running hello unaffable cafe"))[0]);
            assertArrayEquals(alone, batched.encode("hello"));
            float[] withOthers = batched.encode(List.of("hello", "a a a a", "running hello unaffable cafe"))[0];
            assertNotEquals(Arrays.toString(alone), Arrays.toString(withOthers));
        }
    }

    @Test
    void progressCountsSentencesAndAnEmptyListIsEmpty() throws IOException {
        Path model = TinyEncoder.write(dir.resolve("tiny"), false, true, 8);
        try (SentenceEncoder enc = SentenceEncoder.open(model, new SentenceEncoderOptions(0, 2, 2))) {
            AtomicLong total = new AtomicLong();
            AtomicLong done = new AtomicLong();
            List<String> phases = new ArrayList<>();
            enc.encode(SENTENCES, new ProgressListener() {
                @Override
                public void start(String task, long t, String unit) {
                    phases.add(task + "/" + unit);
                    total.set(t);
                }

                @Override
                public void advance(long amount) {
                    done.addAndGet(amount);
                }

                @Override
                public void status(String text) {}

                @Override
                public void finish() {
                    phases.add("finish");
                }
            });
            assertEquals(List.of("Encoding sentences/sentences", "finish"), phases);
            assertEquals(SENTENCES.size(), total.get());
            assertEquals(SENTENCES.size(), done.get());
            assertEquals(0, enc.encode(List.of()).length);
            List<String> withNull = new ArrayList<>(List.of("hello"));
            withNull.add(null);
            assertEquals(
                    "sentence 1 is null",
                    assertThrows(NullPointerException.class, () -> enc.encode(withNull))
                            .getMessage());
        }
    }

    @Test
    void directoriesThatAreNotSentenceEncodersSayWhatIsWrong() throws IOException {
        assertThrows(NoSuchFileException.class, () -> SentenceEncoder.open(dir.resolve("none")));
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        assertThrows(NotDirectoryException.class, () -> SentenceEncoder.open(file));

        Path noTokenizer = TinyEncoder.write(dir.resolve("no-tokenizer"), false, true, 8);
        Files.delete(noTokenizer.resolve("tokenizer.json"));
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> SentenceEncoder.open(noTokenizer));
        assertEquals(
                noTokenizer + ": holds no tokenizer.json (a sentence-encoder directory holds model.onnx and "
                        + "tokenizer.json)",
                e.getMessage());
        Path noModel = TinyEncoder.write(dir.resolve("no-model"), false, true, 8);
        Files.delete(noModel.resolve("model.onnx"));
        assertTrue(assertThrows(MalformedFileException.class, () -> SentenceEncoder.open(noModel))
                .getMessage()
                .contains("holds no model.onnx"));

        Path corrupt = TinyEncoder.write(dir.resolve("corrupt"), false, true, 8);
        Files.writeString(corrupt.resolve("model.onnx"), "<html>not a model</html>");
        e = assertThrows(MalformedFileException.class, () -> SentenceEncoder.open(corrupt));
        assertTrue(e.getMessage().startsWith(corrupt.resolve("model.onnx") + ": not an ONNX model"), e.getMessage());
        Path badJson = TinyEncoder.write(dir.resolve("bad-json"), false, true, 8);
        Files.writeString(badJson.resolve("tokenizer.json"), "{ not json");
        e = assertThrows(MalformedFileException.class, () -> SentenceEncoder.open(badJson));
        assertTrue(e.getMessage().startsWith(badJson.resolve("tokenizer.json") + ":1: not valid JSON"), e.getMessage());

        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class,
                () -> SentenceEncoder.load("no-such-model", SentenceEncoderOptions.DEFAULT));
        assertEquals(
                "no model 'no-such-model': neither a bundled model (all-minilm-l6-v2-q) nor a directory holding "
                        + "model.onnx and tokenizer.json",
                unknown.getMessage());
    }

    @Test
    void modelsThatAreNotSentenceEncodersAreRejectedOnOpening() throws IOException {
        Path dense = TinyEncoder.write(dir.resolve("image"), false, true, 8);
        var graph = TinyEncoder.model(false, true).getGraph().toBuilder()
                .addInput(TinyEncoder.value("pixel_values", OnnxMl.TensorProto.DataType.FLOAT, 1, 3))
                .build();
        Files.write(
                dense.resolve("model.onnx"),
                TinyEncoder.model(false, true).toBuilder()
                        .setGraph(graph)
                        .build()
                        .toByteArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SentenceEncoder.open(dense));
        assertTrue(e.getMessage().contains("needs an input 'pixel_values'"), e.getMessage());
        Path shortMax = TinyEncoder.write(dir.resolve("short"), false, true, 8);
        assertThrows(
                IllegalArgumentException.class,
                () -> SentenceEncoder.open(shortMax, SentenceEncoderOptions.DEFAULT.withMaxLength(2)));
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new SentenceEncoderOptions(-1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SentenceEncoderOptions(0, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SentenceEncoderOptions(0, 5000, 1));
        assertThrows(IllegalArgumentException.class, () -> new SentenceEncoderOptions(0, 0, 0));
        assertEquals(
                new SentenceEncoderOptions(256, 8, 2),
                SentenceEncoderOptions.DEFAULT
                        .withMaxLength(256)
                        .withBatchSize(8)
                        .withThreads(2));
    }
}
