package dev.seqlab.corpora.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass encoding against the text itself: every pass gives back each sentence as
 * {@link Vocabulary#encode} of the original tokens, with the original token count; the vocabulary
 * equals the one {@link Vocabulary#build} counts; the file goes away on close.
 */
class EncodedCorpusTest {
    @TempDir
    Path dir;

    /** 30,000 distinct words (ids needing one, two and three varint bytes), Zipf-like counts. */
    private static List<List<String>> sentences() {
        SplittableRandom rnd = new SplittableRandom(2);
        List<List<String>> out = new ArrayList<>();
        for (int s = 0; s < 4_000; s++) {
            int n = rnd.nextInt(40); // some sentences are empty
            List<String> sentence = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int w = (int) Math.floor(Math.pow(30_000, rnd.nextDouble())) - 1;
                sentence.add("w" + w);
            }
            out.add(sentence);
        }
        out.add(List.of("only", "rare", "words")); // left empty by min-count
        return out;
    }

    @Test
    void passesGiveBackTheEncodedSentences() throws IOException {
        List<List<String>> text = sentences();
        Corpus corpus = Corpus.of(text);
        VocabularyOptions options = VocabularyOptions.minCount(2);
        Vocabulary expected = Vocabulary.build(corpus, options);
        Path file;
        try (EncodedCorpus encoded = EncodedCorpus.build(corpus, options, ProgressListener.NONE, dir)) {
            Vocabulary v = encoded.vocabulary();
            assertEquals(expected.words(), v.words());
            for (int i = 0; i < v.size(); i++) {
                assertEquals(expected.count(i), v.count(i));
            }
            assertEquals(expected.corpusTokens(), encoded.corpusTokens());
            try (var files = Files.list(dir)) {
                file = files.findFirst().orElseThrow();
            }
            assertTrue(Files.size(file) < 3L * encoded.corpusTokens(), "about one to three bytes a token");
            List<List<String>> nonEmpty =
                    text.stream().filter(s -> !s.isEmpty()).toList();
            for (int pass = 0; pass < 2; pass++) {
                int[] index = {0};
                encoded.forEachSentence((ids, length, tokens) -> {
                    List<String> original = nonEmpty.get(index[0]++);
                    int[] want = new int[original.size()];
                    int n = v.encode(original, want, 0);
                    assertEquals(original.size(), tokens);
                    assertArrayEquals(Arrays.copyOf(want, n), Arrays.copyOf(ids, length));
                });
                assertEquals(nonEmpty.size(), index[0], "every sentence, the empty-after-filtering one too");
            }
        }
        assertFalse(Files.exists(file), "close deletes the file");
    }

    @Test
    void partsTogetherHoldEverySentenceOnceInOrder() throws IOException {
        Corpus corpus = Corpus.of(sentences());
        try (EncodedCorpus encoded =
                EncodedCorpus.build(corpus, VocabularyOptions.minCount(2), ProgressListener.NONE, dir)) {
            List<String> whole = new ArrayList<>();
            encoded.forEachSentence(
                    (ids, length, tokens) -> whole.add(tokens + ":" + Arrays.toString(Arrays.copyOf(ids, length))));
            for (int parts = 1; parts <= 7; parts++) {
                List<String> joined = new ArrayList<>();
                for (int p = 0; p < parts; p++) {
                    try (EncodedCorpus.PartReader part = encoded.part(p, parts)) {
                        while (part.next((ids, length, tokens) ->
                                joined.add(tokens + ":" + Arrays.toString(Arrays.copyOf(ids, length))))) {
                            // one sentence a call
                        }
                    }
                }
                assertEquals(whole, joined, parts + " parts");
            }
            assertThrows(IllegalArgumentException.class, () -> encoded.part(3, 3));
        }
    }

    @Test
    void aTruncatedFileIsReported() throws IOException {
        try (EncodedCorpus encoded = EncodedCorpus.build(
                Corpus.of(List.of(List.of("a", "b", "a"))),
                VocabularyOptions.minCount(1),
                ProgressListener.NONE,
                dir)) {
            Path file;
            try (var files = Files.list(dir)) {
                file = files.findFirst().orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
            IOException e = assertThrows(IOException.class, () -> encoded.forEachSentence((ids, length, tokens) -> {}));
            assertTrue(e.getMessage().contains("ends inside a sentence"), e.getMessage());
        }
    }
}
