package dev.seqlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The integer kernel gives exactly {@code scale·(float) D}, {@code D} the integer dot product
 * computed from the documented layout, for every dimension tail, the extreme codes (−128, 127)
 * against the largest allowed query components of both signs, and large dimensions (where the
 * allowed query shrinks so that a 32-bit half cannot overflow).
 */
class SwarInt8BlockDotsTest {

    private static void check(int dim, int blocks, byte fill, boolean extremeQuery, SplittableRandom rnd) {
        byte[] codes = new byte[blocks * dim * 16];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = fill != 0 ? fill : (byte) (rnd.nextInt(256) - 128);
        }
        int max = SwarInt8BlockDots.maxQuery(dim);
        int[] q = new int[dim];
        for (int k = 0; k < dim; k++) {
            q[k] = extremeQuery ? (rnd.nextBoolean() ? max : -max) : rnd.nextInt(2 * max + 1) - max;
        }
        long[] longs = new long[codes.length / 8];
        ByteBuffer.wrap(codes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(longs);
        float scale = (float) rnd.nextDouble(1e-6, 1);
        int yOff = 3;
        float[] y = new float[yOff + blocks * 16 + 2];
        Arrays.fill(y, -7f);
        SwarInt8BlockDots.dots(longs, dim, blocks, q, scale, y, yOff);
        for (int row = 0; row < blocks * 16; row++) {
            int b = row / 16;
            int j = row % 16;
            long exact = 0;
            for (int k = 0; k < dim; k++) {
                exact += (long) q[k] * codes[(b * dim + k) * 16 + j];
            }
            assertEquals(
                    Float.floatToIntBits(scale * (float) exact),
                    Float.floatToIntBits(y[yOff + row]),
                    "dim " + dim + " fill " + fill + " row " + row);
        }
        assertEquals(-7f, y[yOff - 1]);
        assertEquals(-7f, y[yOff + blocks * 16]);
    }

    @Test
    void exactForEveryDimensionTailAndExtremeCodes() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int dim : new int[] {1, 2, 3, 5, 7, 8, 13, 16, 31, 37, 100, 300, 301, 1000, 4099}) {
            for (byte fill : new byte[] {0, -128, 127}) {
                check(dim, 3, fill, false, rnd);
                check(dim, 2, fill, true, rnd);
            }
        }
    }

    @Test
    void allowedQueryKeepsEachHalfWithinAnInt() {
        assertEquals(1 << 15, SwarInt8BlockDots.maxQuery(1));
        assertEquals(1 << 15, SwarInt8BlockDots.maxQuery(257));
        assertEquals(Integer.MAX_VALUE / (255 * 300), SwarInt8BlockDots.maxQuery(300));
        assertEquals(Integer.MAX_VALUE / (255L * 1_000_000), SwarInt8BlockDots.maxQuery(1_000_000));
        assertThrows(IllegalArgumentException.class, () -> SwarInt8BlockDots.maxQuery(0));
    }
}
