package dev.seqlab.sentences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * seqlab's tokenizer and encoder against the independent pipeline: Hugging Face's Rust
 * tokenizers (through DJL, configured as langchain4j configures it) for token ids, and
 * langchain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel} for vectors.
 *
 * <p>What langchain4j 0.36.2 does with long texts: {@code OnnxBertBiEncoder} splits the token
 * list into partitions of 510 tokens and averages their vectors, but the DJL tokenizer it
 * builds keeps the {@code tokenizer.json}'s truncation (128 tokens), so the token list never
 * exceeds 128 and partitioning never happens: long texts are truncated to 128 tokens, special
 * tokens included. seqlab's default maximum length is the same 128, and the vectors agree for
 * long texts too. Other lengths are checked against DJL configured with that length, and against
 * a reference pooling computed here from ONNX Runtime's raw output.
 */
class AllMiniLmAgreementTest {

    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private static final double MIN_COSINE = 0.9999;

    private static SentenceEncoder encoder;
    private static AllMiniLmL6V2QuantizedEmbeddingModel langchain4j;

    @BeforeAll
    static void open() throws IOException {
        encoder = SentenceEncoder.allMiniLmL6V2Q();
        langchain4j = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    /** DJL's Hugging Face tokenizer over the bundled tokenizer.json, with options as langchain4j gives them. */
    private static HuggingFaceTokenizer reference(Map<String, String> options) throws IOException {
        try (InputStream in = AllMiniLmAgreementTest.class.getResourceAsStream(TOKENIZER)) {
            return HuggingFaceTokenizer.newInstance(in, options);
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static String label(int i, String s) {
        return "sentence " + i + " " + label(s);
    }

    private static String label(String s) {
        return "[" + (s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + " chars)" : s) + "]";
    }

    @Test
    void tokenIdsEqualHuggingFaceTokenizersForEverySentence() throws IOException {
        List<String> sentences = TestSentences.all();
        assertTrue(sentences.size() >= 20);
        int truncated = 0;
        try (HuggingFaceTokenizer ref = reference(Map.of("padding", "false"))) {
            assertEquals(128, encoder.maxLength(), "the tokenizer.json's truncation length, as DJL reads it");
            assertEquals(ref.getMaxLength(), encoder.maxLength());
            for (int i = 0; i < sentences.size(); i++) {
                String s = sentences.get(i);
                ai.djl.huggingface.tokenizers.Encoding expected = ref.encode(s);
                Encoding actual = encoder.tokenize(s);
                assertEquals(Arrays.asList(expected.getTokens()), actual.tokens(), label(i, s));
                assertArrayEquals(expected.getIds(), actual.idsAsLongs(), label(i, s));
                assertArrayEquals(
                        expected.getTypeIds(),
                        Arrays.stream(actual.typeIds()).asLongStream().toArray(),
                        label(i, s));
                assertTrue(Arrays.stream(expected.getAttentionMask()).allMatch(m -> m == 1), label(i, s));
                if (actual.truncated()) {
                    truncated++;
                    assertEquals(128, actual.length(), label(i, s));
                }
            }
        }
        assertEquals(2, truncated, "prose(300) and prose(2000) are cut to 128 tokens");
    }

    @Test
    void truncationAtOtherLengthsMatchesTheReferenceTokenizer() throws IOException {
        for (int max : new int[] {16, 256, 512}) {
            Map<String, String> options =
                    Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(max));
            try (HuggingFaceTokenizer ref = reference(options)) {
                for (String s : TestSentences.all()) {
                    Encoding actual = encoder.tokenizer().encode(s, max);
                    assertArrayEquals(ref.encode(s).getIds(), actual.idsAsLongs(), max + " tokens: " + label(s));
                    assertEquals(
                            actual.length() == max
                                    && ref.encode(s, true, false).getIds().length == max
                                    && encoder.tokenizer().encode(s, 100_000).length() > max,
                            actual.truncated());
                }
            }
        }
    }

    @Test
    void vectorsAgreeWithLangchain4jForEveryNonBlankSentence() {
        List<String> sentences = TestSentences.all();
        float[][] batch = encoder.encode(sentences);
        double min = 1;
        int compared = 0;
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            float[] ours = encoder.encode(s);
            assertArrayEquals(ours, batch[i], "a sentence gets the same vector alone and among others: " + label(i, s));
            assertEquals(384, ours.length);
            assertEquals(1.0, norm(ours), 1e-5, label(i, s));
            if (s.isBlank() || s.strip().equals("\u0000")) {
                continue; // langchain4j refuses blank text; the reference pipeline test covers it
            }
            float[] theirs = langchain4j.embed(s).content().vector();
            double c = cosine(ours, theirs);
            min = Math.min(min, c);
            compared++;
            assertTrue(c >= MIN_COSINE, label(i, s) + ": cosine " + c);
        }
        assertTrue(compared >= 20, "compared " + compared);
        System.out.printf(
                Locale.ROOT, "all-MiniLM-L6-v2-q: %d sentences, min cosine to langchain4j %.9f%n", compared, min);
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    /**
     * A pipeline built here from parts seqlab does not use: DJL's token ids, a raw ONNX Runtime
     * session over the bundled model, mean pooling and normalisation written out in full.
     */
    private static float[] referenceVector(OrtSession session, HuggingFaceTokenizer tokenizer, String text)
            throws OrtException {
        long[] ids = tokenizer.encode(text).getIds();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] shape = {1, ids.length};
        long[] ones = new long[ids.length];
        Arrays.fill(ones, 1);
        Map<String, OnnxTensor> feeds = new HashMap<>();
        feeds.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
        feeds.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape));
        feeds.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape));
        try (OrtSession.Result r = session.run(feeds)) {
            float[][] tokens =
                    ((float[][][]) r.get("last_hidden_state").orElseThrow().getValue())[0];
            double[] mean = new double[tokens[0].length];
            for (float[] t : tokens) {
                for (int k = 0; k < mean.length; k++) {
                    mean[k] += t[k] / (double) tokens.length;
                }
            }
            double n = Math.sqrt(Arrays.stream(mean).map(x -> x * x).sum());
            float[] v = new float[mean.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) (mean[k] / n);
            }
            return v;
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    @Test
    void blankTextsAndLongerMaximumLengthsAgreeWithTheReferencePipeline() throws Exception {
        byte[] model;
        try (InputStream in = getClass().getResourceAsStream("/" + SentenceEncoder.BUNDLED_ONNX_RESOURCE)) {
            model = in.readAllBytes();
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
                HuggingFaceTokenizer ref128 = reference(Map.of("padding", "false"));
                HuggingFaceTokenizer ref256 =
                        reference(Map.of("padding", "false", "truncation", "true", "maxLength", "256"));
                SentenceEncoder longer =
                        SentenceEncoder.allMiniLmL6V2Q(SentenceEncoderOptions.DEFAULT.withMaxLength(256))) {
            for (String s : List.of("", "   ", "\u0000", "A man is playing a guitar on stage.")) {
                double c = cosine(encoder.encode(s), referenceVector(session, ref128, s));
                assertTrue(c >= MIN_COSINE, label(s) + ": cosine " + c);
            }
            String long300 = TestSentences.prose(300);
            assertEquals(256, longer.tokenize(long300).length());
            float[] at256 = longer.encode(long300);
            assertTrue(cosine(at256, referenceVector(session, ref256, long300)) >= MIN_COSINE);
            // and the text really is cut differently at 128 and 256 tokens
            assertTrue(cosine(at256, encoder.encode(long300)) < 0.9999);
            assertFalse(longer.tokenize(TestSentences.prose(60)).truncated());
        }
    }
}
