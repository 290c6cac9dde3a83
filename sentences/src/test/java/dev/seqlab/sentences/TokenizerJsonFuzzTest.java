package dev.seqlab.sentences;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.testing.Fuzzer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated tokenizer.json files (all-MiniLM-L6-v2's, with a vocabulary cut to a few dozen words so
 * that cases stay small) read and used to encode a sentence: only MalformedFileException naming
 * the file, bounded memory, no hang; and the file the fuzzer found that broke those rules.
 */
class TokenizerJsonFuzzTest {
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    @TempDir
    Path dir;

    private static byte[] smallTokenizer() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root;
        try (InputStream in = TokenizerJsonFuzzTest.class.getResourceAsStream(TOKENIZER)) {
            root = (ObjectNode) json.readTree(in);
        }
        ObjectNode vocab = json.createObjectNode();
        String[] words = {
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "king", "queen", "hello", "world", "##s", "##ing",
            "play", ",", "!", "東", "京", "a", "b", "##c"
        };
        for (int i = 0; i < words.length; i++) {
            vocab.put(words[i], i);
        }
        ((ObjectNode) root.path("model")).set("vocab", vocab);
        for (JsonNode added : root.path("added_tokens")) {
            ((ObjectNode) added)
                    .put("id", vocab.path(added.path("content").asText()).asInt());
        }
        ObjectNode special = (ObjectNode) root.path("post_processor").path("special_tokens");
        ((ObjectNode) special.path("[CLS]")).putArray("ids").add(2);
        ((ObjectNode) special.path("[SEP]")).putArray("ids").add(3);
        return json.writeValueAsBytes(root);
    }

    /** Found by fuzzing: NUL bytes made Jackson read UTF-32 and throw a CharConversionException naming no file. */
    @Test
    void nulBytesAreMalformedJsonNamingTheFile() throws Exception {
        byte[] b = smallTokenizer();
        b[1] = 0;
        b[2] = 0;
        b[3] = 0;
        Path file = dir.resolve("tokenizer.json");
        Files.write(file, b);
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> WordPieceTokenizer.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    private MalformedFileException refusedWith(String from, String to) throws Exception {
        String json = new String(smallTokenizer(), StandardCharsets.UTF_8);
        assertTrue(json.contains(from), json);
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, json.replace(from, to));
        return assertThrows(MalformedFileException.class, () -> WordPieceTokenizer.read(file));
    }

    /** Found by fuzzing: an added token of id -2^31 was an ArrayIndexOutOfBoundsException. */
    @Test
    void negativeAddedTokenIdIsMalformed() throws Exception {
        String m = refusedWith("\"id\":1,\"content\":\"[UNK]\"", "\"id\":-2147483648,\"content\":\"[UNK]\"")
                .getMessage();
        assertTrue(m.contains("added token '[UNK]' has id -2147483648"), m);
    }

    @Test
    void idBeyondTheTokensDefinedFailsBeforeSizingATableByIt() throws Exception {
        String m = refusedWith("\"king\":6", "\"king\":2147483646").getMessage();
        assertTrue(m.contains("vocabulary entry 'king' has id 2147483646"), m);
    }

    @Test
    void tokenizerJson() throws Exception {
        Fuzzer.run(
                new Fuzzer.Target(
                        "tokenizer.json",
                        List.of(smallTokenizer()),
                        "tokenizer.json",
                        file -> {
                            WordPieceTokenizer t = WordPieceTokenizer.read(file);
                            t.encode("Hello, the kings are playing in 東京! [MASK] abc");
                        },
                        List.of(MalformedFileException.class)),
                dir,
                81,
                Fuzzer.CASES);
    }
}
