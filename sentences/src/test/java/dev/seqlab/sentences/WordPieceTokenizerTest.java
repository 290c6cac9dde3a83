package dev.seqlab.sentences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.core.io.MalformedFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each step of the BERT tokenizer on a 20-token vocabulary, with the answers worked by hand. */
class WordPieceTokenizerTest {

    @TempDir
    Path dir;

    private static WordPieceTokenizer tokenizer(ObjectNode json) throws IOException {
        return WordPieceTokenizer.read(
                new ByteArrayInputStream(TinyEncoder.toJson(json).getBytes(StandardCharsets.UTF_8)),
                Path.of("tokenizer.json"));
    }

    private static WordPieceTokenizer tiny() throws IOException {
        return tokenizer(TinyEncoder.tokenizerJson(0));
    }

    private static List<String> tokens(WordPieceTokenizer t, String text) {
        return t.encode(text).tokens();
    }

    @Test
    void wordsPunctuationAndSpecialTokens() throws IOException {
        WordPieceTokenizer t = tiny();
        Encoding e = t.encode("Hello, World!");
        assertEquals(List.of("[CLS]", "hello", ",", "world", "!", "[SEP]"), e.tokens());
        assertArrayEquals(new int[] {2, 8, 11, 9, 10, 3}, e.ids());
        assertArrayEquals(new int[6], e.typeIds());
        assertFalse(e.truncated());
        assertEquals(List.of("hello", ",", "world", "!"), t.tokenize("Hello, World!"));
        assertEquals(2, t.specialTokenCount());
        assertEquals(0, t.padId());
        assertEquals(20, t.vocabularySize());
        assertEquals("##aff", t.token(6));
        assertEquals(9, t.tokenId("world"));
        assertEquals(-1, t.tokenId("mars"));
    }

    @Test
    void greedyLongestMatchWithContinuations() throws IOException {
        WordPieceTokenizer t = tiny();
        assertEquals(List.of("un", "##aff", "##able"), t.tokenize("unaffable"));
        assertEquals(List.of("run", "##ning", "run", "##s"), t.tokenize("running runs"));
        // no spelling for the rest of the word: the whole word is unknown, not "un" + [UNK]
        assertEquals(List.of("[UNK]", "hello"), t.tokenize("unxyz hello"));
        List<String> ten = new ArrayList<>(List.of("a"));
        ten.addAll(Collections.nCopies(9, "##a"));
        assertEquals(ten, t.tokenize("a".repeat(10)));
        // more than max_input_chars_per_word (10) characters
        assertEquals(List.of("[UNK]"), t.tokenize("a".repeat(11)));
    }

    @Test
    void normalisationCleansStripsAccentsLowercasesAndSplitsIdeographs() throws IOException {
        WordPieceTokenizer t = tiny();
        assertEquals(List.of("cafe", "!"), t.tokenize("CAFÉ!"));
        assertEquals(List.of("中", "国"), t.tokenize("中国"));
        // no-break space is white space; the zero-width space and NUL are dropped (not split on)
        assertEquals(List.of("hello", "world"), t.tokenize("hello\u00a0world"));
        assertEquals(List.of("[UNK]"), t.tokenize("hello\u200bworld\u0000"));
        assertEquals(List.of("hello", "world"), t.tokenize("\thello\r\nworld \u3000"));
        assertEquals(List.of(), t.tokenize("   "));
        assertEquals(List.of("[CLS]", "[SEP]"), tokens(t, ""));
        ObjectNode keepAccents = TinyEncoder.tokenizerJson(0);
        ((ObjectNode) keepAccents.get("normalizer")).put("strip_accents", false);
        assertEquals(List.of("[UNK]"), tokenizer(keepAccents).tokenize("Café"));
    }

    @Test
    void addedTokensAreMatchedInTheRawText() throws IOException {
        WordPieceTokenizer t = tiny();
        assertEquals(List.of("[CLS]", "hello", "[MASK]", "world", "[SEP]"), tokens(t, "hello[MASK]world"));
        assertArrayEquals(
                new int[] {2, 8, 4, 9, 3}, t.encode("hello[MASK]world").ids());
        // matched before normalisation: the lower-case spelling is ordinary text ("[", "mask", "]")
        assertEquals(List.of("hello", "[UNK]", "[UNK]", "[UNK]"), t.tokenize("hello[mask]"));
    }

    @Test
    void truncationKeepsTheStartOrTheEndAndTheSpecialTokens() throws IOException {
        WordPieceTokenizer t = tiny();
        Encoding right = t.encode("a hello world run", 4);
        assertEquals(List.of("[CLS]", "a", "hello", "[SEP]"), right.tokens());
        assertTrue(right.truncated());
        assertEquals(WordPieceTokenizer.DEFAULT_MAX_LENGTH, t.maxLength());
        ObjectNode leftJson = TinyEncoder.tokenizerJson(4);
        ((ObjectNode) leftJson.get("truncation")).put("direction", "Left");
        WordPieceTokenizer left = tokenizer(leftJson);
        assertEquals(4, left.maxLength());
        assertEquals(List.of("[CLS]", "world", "run", "[SEP]"), tokens(left, "a hello world run"));
        assertEquals(List.of("[CLS]", "[SEP]"), t.encode("hello", 2).tokens());
        assertThrows(IllegalArgumentException.class, () -> t.encode("hello", 1));
    }

    @Test
    void bertProcessingAndNoPostProcessor() throws IOException {
        ObjectNode bert = TinyEncoder.tokenizerJson(0);
        ObjectNode post = bert.putObject("post_processor").put("type", "BertProcessing");
        post.putArray("sep").add("[SEP]").add(3);
        post.putArray("cls").add("[CLS]").add(2);
        assertArrayEquals(new int[] {2, 8, 3}, tokenizer(bert).encode("hello").ids());
        ObjectNode none = TinyEncoder.tokenizerJson(0);
        none.putNull("post_processor");
        assertArrayEquals(new int[] {8}, tokenizer(none).encode("hello").ids());
        assertEquals(0, tokenizer(none).specialTokenCount());
    }

    @Test
    void filesItCannotReadNameTheFileAndThePart() throws IOException {
        Path notJson = dir.resolve("tokenizer.json");
        Files.writeString(notJson, "{\n  \"model\": {\n    \"vocab\": [1, 2\n");
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> WordPieceTokenizer.read(notJson));
        assertTrue(e.getMessage().startsWith(notJson + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertTrue(e.line() >= 3, e.getMessage());
        assertThrows(NoSuchFileException.class, () -> WordPieceTokenizer.read(dir.resolve("none.json")));

        ObjectNode bpe = TinyEncoder.tokenizerJson(0);
        ((ObjectNode) bpe.get("model")).put("type", "BPE");
        assertMessage(bpe, "model type BPE is not supported");
        ObjectNode lower = TinyEncoder.tokenizerJson(0);
        lower.putObject("normalizer").put("type", "Lowercase");
        assertMessage(lower, "normalizer Lowercase is not supported");
        ObjectNode noUnk = TinyEncoder.tokenizerJson(0);
        ((ObjectNode) noUnk.get("model")).put("unk_token", "<unk>");
        assertMessage(noUnk, "the unknown token <unk> is not in the vocabulary");
        ObjectNode whitespace = TinyEncoder.tokenizerJson(0);
        whitespace.putObject("pre_tokenizer").put("type", "Whitespace");
        assertMessage(whitespace, "pre_tokenizer Whitespace is not supported");
    }

    private static void assertMessage(ObjectNode json, String expected) {
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> tokenizer(json));
        assertTrue(e.getMessage().startsWith("tokenizer.json: " + expected), e.getMessage());
    }
}
