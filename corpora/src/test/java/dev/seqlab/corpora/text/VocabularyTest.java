package dev.seqlab.corpora.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    private static final Corpus CORPUS = Corpus.of(List.of(
            List.of("the", "cat", "sat", "on", "the", "mat"),
            List.of("the", "dog", "sat", "on", "a", "log"),
            List.of("a", "cat", "and", "a", "dog")));

    @Test
    void countsSortedByFrequencyThenWord() throws IOException {
        Vocabulary v = Vocabulary.build(CORPUS, VocabularyOptions.minCount(1));
        // the 3, a 3, cat 2, dog 2, on 2, sat 2, and 1, log 1, mat 1
        assertEquals(List.of("a", "the", "cat", "dog", "on", "sat", "and", "log", "mat"), v.words());
        assertEquals(3, v.count(0));
        assertEquals(1, v.count(8));
        assertEquals(17, v.corpusTokens());
        assertEquals(17, v.retainedTokens());
        assertEquals(3, v.id("dog"));
        assertEquals(-1, v.id("bird"));
    }

    @Test
    void minCountAndMaxSize() throws IOException {
        Vocabulary v = Vocabulary.build(CORPUS, VocabularyOptions.minCount(2));
        assertEquals(List.of("a", "the", "cat", "dog", "on", "sat"), v.words());
        assertEquals(14, v.retainedTokens());
        assertEquals(17, v.corpusTokens());
        Vocabulary top = Vocabulary.build(CORPUS, VocabularyOptions.minCount(1).withMaxSize(3));
        assertEquals(List.of("a", "the", "cat"), top.words());
    }

    @Test
    void encodeSkipsUnknownWords() {
        Vocabulary v = Vocabulary.fromCounts(Map.of("x", 5L, "y", 7L), 20, VocabularyOptions.minCount(1));
        int[] ids = new int[8];
        int n = v.encode(List.of("x", "zz", "y", "x"), ids, 2);
        assertEquals(3, n);
        assertEquals(1, ids[2]);
        assertEquals(0, ids[3]);
        assertEquals(1, ids[4]);
    }

    @Test
    void badCountsAndOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> VocabularyOptions.minCount(0));
        assertThrows(IllegalArgumentException.class, () -> VocabularyOptions.minCount(1)
                .withMaxSize(-1));
        assertThrows(
                IllegalArgumentException.class,
                () -> Vocabulary.fromCounts(Map.of("x", 0L), 5, VocabularyOptions.minCount(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> Vocabulary.fromCounts(Map.of("x", 6L), 5, VocabularyOptions.minCount(1)));
    }
}
