package dev.seqlab.spark.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.embeddings.word2vec.Word2VecShard;
import org.junit.jupiter.api.Test;

/** The long index arithmetic of word-vector matrices beyond 2^31 floats, computed without allocating them. */
class RowLayoutTest {

    @Test
    void aVocabularyTimesDimensionBeyondTwoToThe31IsAddressedRowByRow() {
        // 30 million words of 100 floats: 3e9 floats, more than one Java array holds
        RowLayout layout = RowLayout.of(30_000_000L, 100);
        assertTrue(layout.floats() > Integer.MAX_VALUE);
        assertEquals(3_000_000_000L, layout.floats());
        assertEquals(21_474_836, layout.rowsPerBlock());
        assertEquals(2, layout.blocks());
        assertEquals(21_474_836, layout.rowsOf(0));
        assertEquals(30_000_000 - 21_474_836, layout.rowsOf(1));
        // the last row of the first block, the first of the second, the very last row
        assertEquals(0, layout.block(21_474_835L));
        assertEquals(2_147_483_500, layout.offset(21_474_835L));
        assertEquals(1, layout.block(21_474_836L));
        assertEquals(0, layout.offset(21_474_836L));
        assertEquals(1, layout.block(29_999_999L));
        assertEquals((29_999_999 - 21_474_836) * 100, layout.offset(29_999_999L));
        // every row lies wholly inside its block
        long last = layout.rows() - 1;
        assertTrue(layout.offset(last) + layout.dim() <= (long) layout.rowsOf(layout.block(last)) * layout.dim());
        assertThrows(IndexOutOfBoundsException.class, () -> layout.block(30_000_000L));
    }

    @Test
    void smallBlocksGiveTheSameRowsAsOneBlock() {
        RowBlocks one = new RowBlocks(RowLayout.of(10, 3));
        RowBlocks many = new RowBlocks(RowLayout.of(10, 3, 7)); // two rows a block
        assertEquals(5, many.blocks());
        for (long r = 0; r < 10; r++) {
            float[] v = {r, r + 0.5f, -r};
            one.setRow(r, v, 0);
            many.setRow(r, v, 0);
        }
        assertEquals(one.get(9, 1), many.get(9, 1));
        float[] a = one.toArray();
        float[] b = many.toArray();
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i]);
        }
    }

    @Test
    void whereALimitRemainsTheErrorSaysWhichAndWhy() {
        // the task side trains with seqlab's kernels, one Java array per matrix
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Word2VecShard.checkFits(30_000_000L, 100));
        assertTrue(e.getMessage().contains("30000000 words"), e.getMessage());
        assertTrue(e.getMessage().contains("one Java array"), e.getMessage());
        Word2VecShard.checkFits(15_000_000L, 100); // 1.5e9 floats (1.7e9 padded) still fit
        IllegalArgumentException block =
                assertThrows(IllegalArgumentException.class, () -> new RowLayout(10, 100, 30_000_000));
        assertTrue(block.getMessage().contains("rowsPerBlock"), block.getMessage());
    }
}
