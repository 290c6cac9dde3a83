package dev.seqlab.embeddings.debias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebiasListsTest {

    @TempDir
    Path dir;

    @Test
    void bundledListsLoad() {
        DebiasLists d = DebiasLists.defaults();
        assertEquals(10, d.definitional().size());
        assertEquals(new WordPair("woman", "man"), d.definitional().get(0));
        assertEquals(d.definitional(), d.equalize());
        assertTrue(d.neutral().contains("receptionist"));
        assertTrue(d.neutral().contains("programmer"));
    }

    @Test
    void readsFilesSkippingCommentsAndBlankLines() throws Exception {
        Path pairs = Files.writeString(dir.resolve("pairs.txt"), "# mine\n\nking queen\n  prince\tprincess  \n");
        assertEquals(
                List.of(new WordPair("king", "queen"), new WordPair("prince", "princess")),
                DebiasLists.readPairs(pairs));
        Path words = Files.writeString(dir.resolve("words.txt"), "cook\n# x\nwriter\n");
        assertEquals(List.of("cook", "writer"), DebiasLists.readWords(words));
    }

    @Test
    void badFilesNameTheLine() throws Exception {
        Path pairs = Files.writeString(dir.resolve("pairs.txt"), "king queen\nprince\n");
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> DebiasLists.readPairs(pairs));
        assertTrue(e.getMessage().contains("pairs.txt:2:"), e.getMessage());
        Path same = Files.writeString(dir.resolve("same.txt"), "king king\n");
        assertThrows(MalformedFileException.class, () -> DebiasLists.readPairs(same));
        Path words = Files.writeString(dir.resolve("words.txt"), "cook\nbig cook\n");
        assertTrue(assertThrows(MalformedFileException.class, () -> DebiasLists.readWords(words))
                .getMessage()
                .contains(":2:"));
        Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing\n");
        assertThrows(MalformedFileException.class, () -> DebiasLists.readWords(empty));
        assertThrows(NoSuchFileException.class, () -> DebiasLists.readWords(dir.resolve("absent.txt")));
    }

    @Test
    void rejectsContradictoryLists() {
        List<WordPair> pairs = List.of(new WordPair("woman", "man"));
        assertThrows(IllegalArgumentException.class, () -> new DebiasLists(pairs, pairs, List.of("man")));
        assertThrows(IllegalArgumentException.class, () -> new DebiasLists(List.of(), pairs, List.of("cook")));
        assertThrows(
                IllegalArgumentException.class,
                () -> new DebiasLists(pairs, List.of(new WordPair("a", "b"), new WordPair("b", "c")), List.of()));
    }
}
