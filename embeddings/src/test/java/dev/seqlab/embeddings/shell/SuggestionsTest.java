package dev.seqlab.embeddings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void editDistanceByHand() {
        assertEquals(0, Suggestions.distance("king", "king", 2));
        assertEquals(1, Suggestions.distance("king", "kings", 2));
        assertEquals(1, Suggestions.distance("king", "kimg", 2));
        assertEquals(1, Suggestions.distance("kign", "king", 2));
        assertEquals(3, Suggestions.distance("kitten", "sitting", 3));
        assertEquals(3, Suggestions.distance("kitten", "sitting", 2));
        assertEquals(3, Suggestions.distance("abc", "xyz", 2));
        assertEquals(3, Suggestions.distance("a", "abcd", 2));
    }

    @Test
    void casingFirstThenCloserWordsThenVocabularyOrder() {
        List<String> vocab = List.of("the", "kings", "queen", "King", "ring", "kiln", "sing", "apple");
        // kings, ring and sing are one edit away, kiln two
        assertEquals(List.of("King", "kings", "ring", "sing"), Suggestions.closest("king", vocab, 4));
        assertEquals(List.of("King", "kings", "ring", "sing", "kiln"), Suggestions.closest("king", vocab, 9));
        assertEquals(List.of("queen"), Suggestions.closest("qeen", vocab, 4));
        assertEquals(List.of(), Suggestions.closest("zzzzzz", vocab, 4));
    }
}
