package dev.seqlab.embeddings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {

    private final QueryParser parser = new QueryParser();

    @Test
    void words() {
        assertEquals(new Query.Neighbours(List.of("king")), parser.parse("king"));
        assertEquals(new Query.Neighbours(List.of("king", "x-ray")), parser.parse("  king\tx-ray "));
        // command words used as ordinary words
        assertEquals(new Query.Neighbours(List.of("odd")), parser.parse("odd"));
        assertEquals(new Query.Neighbours(List.of("sim")), parser.parse("sim"));
        assertEquals(new Query.Neighbours(List.of("top", "gun")), parser.parse("top gun"));
    }

    @Test
    void analogies() {
        Query.Analogy expected = new Query.Analogy("man", "woman", "king");
        assertEquals(expected, parser.parse("man : woman :: king : ?"));
        assertEquals(expected, parser.parse("man:woman::king:?"));
        assertEquals(expected, parser.parse("man : woman :: king"));
        assertEquals(expected, parser.parse("  man  :woman ::  king :  ? "));
    }

    @Test
    void arithmetic() {
        assertEquals(
                new Query.Arithmetic(List.of("king", "woman"), List.of("man")), parser.parse("king - man + woman"));
        assertEquals(new Query.Arithmetic(List.of("paris"), List.of("france")), parser.parse("paris - france"));
        assertEquals(new Query.Arithmetic(List.of("rome"), List.of("france")), parser.parse("- france + rome"));
        assertEquals(new Query.Arithmetic(List.of("a", "b"), List.of()), parser.parse("a + b"));
    }

    @Test
    void commands() {
        assertEquals(new Query.Similarity("cat", "dog"), parser.parse("sim cat dog"));
        assertEquals(new Query.Similarity("cat", "dog"), parser.parse("similarity cat dog"));
        assertEquals(new Query.OddOneOut(List.of("a", "b", "c", "d")), parser.parse("odd a b c d"));
        assertEquals(new Query.OddOneOut(List.of("a", "b", "c")), parser.parse("doesnt-match a b c"));
        assertEquals(new Query.SetTop(5), parser.parse("top 5"));
        assertEquals(new Query.Help(), parser.parse("help"));
        assertEquals(new Query.Help(), parser.parse("?"));
        assertEquals(new Query.Quit(), parser.parse("quit"));
        assertEquals(new Query.Quit(), parser.parse("EXIT"));
        assertEquals(new Query.Blank(), parser.parse("   "));
        assertEquals(new Query.Blank(), parser.parse("# a comment"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "man : woman :: king : queen",
                "a :: b",
                "a : b : c :: d : ?",
                "man woman :: king : ?",
                ": woman :: king : ?",
                "a : b :: c : d : ?",
                "king - - man",
                "king man + woman",
                "king -",
                "- king - man",
                "+ - king",
                "sim a b c",
                "odd a b",
                "top 0",
                "top 1001",
                "man : woman",
                "king ?"
            })
    void rejectsMalformedLinesWithOneLineMessages(String line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parser.parse(line));
        assertTrue(
                !e.getMessage().contains("\n") && e.getMessage().contains("e.g.")
                        || e.getMessage().contains("top"),
                e.getMessage());
    }
}
