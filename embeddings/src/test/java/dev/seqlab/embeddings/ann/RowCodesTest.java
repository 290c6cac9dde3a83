package dev.seqlab.embeddings.ann;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.io.LoadOptions;
import dev.seqlab.embeddings.io.VectorFiles;
import dev.seqlab.embeddings.store.StoredVectors;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The int8 codes score rows within their rounding of the exact cosine, whatever the thread count. */
class RowCodesTest {

    @Test
    void codesScoreRowsCloseToTheirExactCosinesOnAnyNumberOfThreads(@TempDir Path tmp) throws Exception {
        Path file = ClusteredVectors.write(tmp.resolve("v.seqlab"), 700, 37, 9, 5);
        StoredVectors v = VectorFiles.open(file, LoadOptions.DEFAULT, ProgressListener.NONE);
        int n = v.rows().rows();
        int dim = v.rows().dim();
        UnitRows rows = new UnitRows(v.matrix(), v.norms(), n, dim);
        RowCodes one = RowCodes.quantize(rows, 1);
        RowCodes three = RowCodes.quantize(rows, 3);
        UnitRows coded = rows.withCodes(one);
        float[] q = new float[dim];
        byte[] a = new byte[RowCodes.stride(dim)];
        byte[] b = new byte[a.length];
        for (int r = 0; r < n; r++) {
            one.record(r, a);
            three.record(r, b);
            assertArrayEquals(a, b, "row " + r);
        }
        for (int qi = 0; qi < n; qi += 37) {
            rows.unit(qi, q);
            for (int r = 0; r < n; r += 3) {
                // each code is within half a step (max/254) of the unit row: error ≤ √dim·max/254 ≤ √dim/254
                assertEquals(rows.exact(q, r), coded.similarity(q, r), Math.sqrt(dim) / 254, "row " + r);
            }
            assertEquals(1, coded.similarity(q, qi), 0.02, "a row with itself");
        }
    }
}
