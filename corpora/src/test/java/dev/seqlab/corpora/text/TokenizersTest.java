package dev.seqlab.corpora.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizersTest {

    @Test
    void namedGivesTheTokenizerOfThatName() throws IOException {
        assertArrayEquals(
                new String[] {"don", "'", "t", "stop", "."},
                Tokenizers.named("simple").create().tokenize("don't stop."));
        assertSame(Tokenizers.whitespace(), Tokenizers.named("whitespace"));
        assertArrayEquals(
                new String[] {"don't", "stop."},
                Tokenizers.named("whitespace").create().tokenize("don't stop."));
    }

    @Test
    void anyOtherNameIsAModelFile(@TempDir Path dir) throws IOException {
        Path notAModel = Files.writeString(dir.resolve("x.bin"), "not a model");
        IOException e = assertThrows(IOException.class, () -> Tokenizers.named(notAModel.toString()));
        assertTrue(e.getMessage().startsWith(notAModel + ": not an OpenNLP tokenizer model"));
    }
}
