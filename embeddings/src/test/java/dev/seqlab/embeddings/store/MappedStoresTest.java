package dev.seqlab.embeddings.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seqlab.core.kernel.Int8BlockDots;
import dev.seqlab.core.kernel.Kernels;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mapped rows and codes read across segment boundaries (segments made small here, 1 GiB in use,
 * so the several-segment path of files over 2 GB is exercised) give exactly what the same values
 * give in the heap.
 */
class MappedStoresTest {

    @Test
    void rowsAndCodesAcrossSegmentsEqualTheHeap(@TempDir Path dir) throws IOException {
        int rows = 1000;
        int dim = 7;
        SplittableRandom rnd = new SplittableRandom(2);
        float[] m = new float[rows * dim];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) rnd.nextGaussian();
        }
        int blocks = (rows + Int8BlockDots.BLOCK - 1) / Int8BlockDots.BLOCK;
        byte[] codes = new byte[blocks * dim * Int8BlockDots.BLOCK];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) rnd.nextInt(-127, 128);
        }
        Path f = dir.resolve("rows.bin");
        long codesAt = 4L * m.length + 12; // not a multiple of any segment size
        try (FileChannel ch =
                FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate((int) codesAt + codes.length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(m);
            b.position((int) codesAt);
            b.put(codes);
            ch.write(b.flip(), 0);
            // 3 rows per segment, 2 blocks per segment: many boundaries
            MappedRegion rowRegion = MappedRegion.map(ch, 0, 4L * m.length, 4L * dim, 3 * 4L * dim + 5);
            MappedRegion codeRegion = MappedRegion.map(ch, codesAt, codes.length, 16L * dim, 2 * 16L * dim + 3);
            FloatRows heap = FloatRows.of(m, rows, dim);
            FloatRows mapped = FloatRows.mapped(rowRegion, rows, dim);
            assertArrayEquals(m, mapped.asArray());
            float[] q = new float[dim];
            for (int k = 0; k < dim; k++) {
                q[k] = (float) rnd.nextGaussian();
            }
            float[] yh = new float[rows];
            float[] ym = new float[rows];
            heap.dots(Kernels.blas(1), q, 3, 998, yh);
            mapped.dots(Kernels.blas(1), q, 3, 998, ym);
            assertArrayEquals(yh, ym);
            assertEquals(heap.dot(Kernels.blas(1), 500, q), mapped.dot(Kernels.blas(1), 500, q));
            float[] ch1 = new float[blocks * Int8BlockDots.BLOCK];
            float[] ch2 = new float[blocks * Int8BlockDots.BLOCK];
            BlockCodes.of(codes).dots(Kernels.int8BlockDots(), dim, 1, blocks, q, ch1);
            BlockCodes.mapped(codeRegion, dim).dots(Kernels.int8BlockDots(), dim, 1, blocks, q, ch2);
            assertArrayEquals(ch1, ch2);
            byte[] copied = new byte[codes.length];
            BlockCodes.mapped(codeRegion, dim).copy(dim, blocks, copied);
            assertArrayEquals(codes, copied);
            // a batch of three queries, the first being q: each gets its single-query floats
            float[][] qs = {q, q.clone(), q.clone()};
            for (int k = 0; k < dim; k++) {
                qs[1][k] = -q[k];
                qs[2][k] = q[k] * 0.5f + 1f;
            }
            float[][] batch = new float[3][blocks * Int8BlockDots.BLOCK];
            BlockCodes.mapped(codeRegion, dim).dots(Kernels.int8BlockDots(), dim, 1, blocks, qs, 3, batch);
            for (int j = 0; j < 3; j++) {
                float[] alone = new float[blocks * Int8BlockDots.BLOCK];
                BlockCodes.of(codes).dots(Kernels.int8BlockDots(), dim, 1, blocks, qs[j], alone);
                float[] expected = Arrays.copyOfRange(alone, Int8BlockDots.BLOCK, alone.length);
                float[] got = Arrays.copyOf(batch[j], expected.length);
                assertArrayEquals(expected, got, "query " + j);
            }
            Floats f1 = Floats.mapped(rowRegion, m.length);
            for (int i = 0; i < m.length; i += 13) {
                assertEquals(m[i], f1.get(i));
            }
        }
    }
}
