package dev.seqlab.embeddings.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.embeddings.store.ChunkedWordTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Words written by several writers in blocks of rows (as gzip's parser threads write them: each
 * writer's blocks in increasing order, the writers' blocks interleaved), over many chunks, with
 * words longer than a chunk, non-ASCII words and repeated words, come out of the word table as a
 * String table of the same rows would give them.
 */
class WordArenaTest {
    private static final Path FILE = Path.of("words.txt");

    /** Word {@code i} of the test: mostly distinct, some repeated, a few long, some non-ASCII. */
    private static String word(int i, Random random) {
        int kind = random.nextInt(100);
        if (kind < 8 && i > 0) {
            return "w" + random.nextInt(i); // a word met before (if it was a plain one)
        }
        if (kind == 8) {
            return "long" + i + "x".repeat(70_000 + random.nextInt(3));
        }
        if (kind < 15) {
            return "é日本" + i + "x".repeat(random.nextInt(200));
        }
        return "w" + i;
    }

    @Test
    void interleavedBlocksOverManyChunksIndexAsAStringTable() throws MalformedFileException {
        Random random = new Random(15);
        int rows = 40_000;
        String[] words = new String[rows];
        for (int i = 0; i < rows; i++) {
            words[i] = word(i, random);
        }
        WordArena arena = new WordArena(FILE, rows);
        WordArena.Writer[] writers = {arena.writer(), arena.writer(), arena.writer()};
        for (int row = 0, block = 0; row < rows; block++) {
            int n = Math.min(rows - row, 1 + random.nextInt(block % 5 == 0 ? 3 : 700));
            WordArena.Writer w = writers[random.nextInt(writers.length)];
            for (int r = row; r < row + n; r++) {
                byte[] b = ("  " + words[r] + " ").getBytes(StandardCharsets.UTF_8);
                w.add(r, b, 2, b.length - 3);
            }
            row += n;
        }
        List<String> dropped = new ArrayList<>();
        ChunkedWordTable table = arena.index((row, first, word) -> {
            assertEquals(words[row], word);
            assertEquals(words[first], word);
            dropped.add(row + ":" + word);
        });
        Map<String, Integer> firstRows = new LinkedHashMap<>();
        List<String> expectedDropped = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (firstRows.putIfAbsent(words[i], i) != null) {
                expectedDropped.add(i + ":" + words[i]);
            }
        }
        List<String> kept = new ArrayList<>(firstRows.keySet());
        assertEquals(expectedDropped, dropped);
        assertEquals(kept.size(), table.size());
        assertEquals(kept, table.asList());
        for (int i = 0; i < kept.size(); i++) {
            assertEquals(kept.get(i), table.word(i));
            assertEquals(i, table.indexOf(kept.get(i)), kept.get(i));
        }
        assertEquals(-1, table.indexOf("absent"));
        assertEquals(-1, table.indexOf("w" + rows));
        assertThrows(IndexOutOfBoundsException.class, () -> table.word(kept.size()));
    }

    @Test
    void stringsGiveEveryRowInOrderDuplicatesIncluded() throws MalformedFileException {
        String[] words = {"a", "b", "a", "日本", "c"};
        WordArena arena = new WordArena(FILE, words.length);
        WordArena.Writer first = arena.writer();
        WordArena.Writer second = arena.writer();
        for (int r = 0; r < words.length; r++) {
            byte[] b = words[r].getBytes(StandardCharsets.UTF_8);
            (r < 2 ? first : second).add(r, b, 0, b.length);
        }
        assertEquals(Arrays.asList(words), Arrays.asList(arena.strings()));
    }

    @Test
    void anEmptyFileHasAnEmptyTable() {
        ChunkedWordTable table = new WordArena(FILE, 0).index((row, first, word) -> {
            throw new AssertionError(word);
        });
        assertEquals(0, table.size());
        assertEquals(-1, table.indexOf("a"));
    }
}
