package dev.seqlab.embeddings.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordTableTest {

    private final WordTable table = WordTable.of(List.of("a", "b", "c"), new float[][] {{3, 4}, {0, 0}, {1, 0}});

    @Test
    void looksUpRowsAndCopies() {
        assertEquals(3, table.size());
        assertEquals(2, table.dimension());
        assertEquals(1, table.indexOf("b"));
        assertEquals(-1, table.indexOf("z"));
        float[] a = table.vector("a");
        a[0] = 99;
        assertArrayEquals(new float[] {3, 4}, table.vector(0));
        assertEquals(5.0, table.norm(0), 0);
        assertThrows(IllegalArgumentException.class, () -> table.vector("z"));
    }

    @Test
    void normalizesRowsKeepingZeroRows() {
        WordTable n = table.normalized();
        assertArrayEquals(new float[] {0.6f, 0.8f}, n.vector("a"), 1e-7f);
        assertArrayEquals(new float[] {0, 0}, n.vector("b"));
        assertArrayEquals(new float[] {3, 4}, table.vector("a"));
    }

    @Test
    void replacesAndTruncates() {
        WordTable r = table.withVectors(Map.of("c", new float[] {7, 8}));
        assertArrayEquals(new float[] {7, 8}, r.vector("c"));
        assertArrayEquals(new float[] {1, 0}, table.vector("c"));
        assertEquals(List.of("a", "b"), table.head(2).words());
        assertTrue(table.head(10) == table);
        assertThrows(IllegalArgumentException.class, () -> table.withVectors(Map.of("z", new float[] {1, 1})));
        assertThrows(IllegalArgumentException.class, () -> table.withVectors(Map.of("a", new float[] {1})));
    }

    @Test
    void rejectsBadTables() {
        assertThrows(IllegalArgumentException.class, () -> WordTable.of(List.of("a", "a"), new float[][] {{1}, {2}}));
        assertThrows(IllegalArgumentException.class, () -> WordTable.of(List.of("a", "b"), new float[][] {{1}, {2, 3}}));
        assertThrows(IllegalArgumentException.class, () -> WordTable.of(List.of("a"), new float[][] {{Float.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> WordTable.of(List.of("", "b"), new float[][] {{1}, {2}}));
        assertThrows(IllegalArgumentException.class, () -> WordTable.of(List.of("a"), new float[] {1, 2, 3}, 2));
    }
}
