package dev.seqlab.embeddings.ann;

import dev.seqlab.embeddings.store.Floats;
import dev.seqlab.embeddings.store.MappedRegion;
import dev.seqlab.embeddings.store.StoredVectors;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The rows of a vectors file as unit vectors, read in place: the raw rows of the mapped matrix
 * divided by their stored norms. {@link #exact} is the cosine of a unit query with a row (a zero
 * row scores 0); {@link #similarity}, the score the graph is built and searched with, is the same
 * cosine through the int8 {@link RowCodes} when the rows have them ({@link #withCodes}).
 */
final class UnitRows {
    private final MappedRegion matrix;
    private final ByteBuffer[] segments;
    private final int rowsPerSegment;
    private final Floats norms;
    private final int rows;
    private final int dim;
    private final DotKernel kernel;
    private final RowCodes codes;

    /**
     * The unit rows of vectors mapped from the seqlab file {@code file}, over which an index is built.
     *
     * @throws IllegalArgumentException if {@code vectors} are not mapped from a seqlab file (version 2),
     *                                  naming the command that converts {@code file}
     */
    static UnitRows toIndex(Path file, StoredVectors vectors) {
        if (vectors.matrix() == null || vectors.norms() == null) {
            throw new IllegalArgumentException("an approximate index is built over a seqlab vectors file (version 2);"
                    + " convert " + file + " first: seqlab embeddings convert --vectors " + file
                    + " --out NEW.seqlab --format seqlab");
        }
        return new UnitRows(
                vectors.matrix(),
                vectors.norms(),
                vectors.rows().rows(),
                vectors.rows().dim());
    }

    /**
     * @param matrix the rows, row-major float32, mapped with one row per granule
     * @param norms  each row's Euclidean norm
     */
    UnitRows(MappedRegion matrix, Floats norms, int rows, int dim) {
        this(matrix, norms, rows, dim, null);
    }

    private UnitRows(MappedRegion matrix, Floats norms, int rows, int dim, RowCodes codes) {
        if (matrix.segmentBytes() % (4L * dim) != 0 || matrix.length() < 4L * rows * dim) {
            throw new IllegalArgumentException("the matrix region does not hold " + rows + " rows of " + dim
                    + " floats in whole rows per segment");
        }
        this.matrix = matrix;
        this.segments = new ByteBuffer[matrix.segmentCount()];
        for (int s = 0; s < segments.length; s++) {
            segments[s] = matrix.segment(s);
        }
        this.rowsPerSegment = (int) (matrix.segmentBytes() / (4L * dim));
        this.norms = norms;
        this.rows = rows;
        this.dim = dim;
        this.kernel = DotKernels.KERNEL;
        this.codes = codes;
    }

    /** These rows scored through {@code codes} (null: through the float rows). */
    UnitRows withCodes(RowCodes codes) {
        return new UnitRows(matrix, norms, rows, dim, codes);
    }

    /** The int8 codes the rows are scored with, or null. */
    RowCodes codes() {
        return codes;
    }

    int rows() {
        return rows;
    }

    int dim() {
        return dim;
    }

    /** The score of the unit vector {@code q} with row {@code row}: its cosine, through the codes if any. */
    float similarity(float[] q, int row) {
        return codes != null ? codes.similarity(q, row) : exact(q, row);
    }

    /** The cosine of the unit vector {@code q} with row {@code row} (0 for a zero row). */
    float exact(float[] q, int row) {
        float n = norms.get(row);
        if (n == 0) {
            return 0;
        }
        int s = row / rowsPerSegment;
        int at = (row - s * rowsPerSegment) * 4 * dim;
        return kernel.dot(q, segments[s], at, dim) / n;
    }

    /** Row {@code row} divided by its norm, into {@code dst} (zeros for a zero row). */
    void unit(int row, float[] dst) {
        unit(row, dst, 0);
    }

    /** Row {@code row} divided by its norm, into {@code dst} from {@code off} (zeros for a zero row). */
    void unit(int row, float[] dst, int off) {
        matrix.getFloats(4L * row * dim, dst, off, dim);
        float n = norms.get(row);
        float inv = n == 0 ? 0 : 1 / n;
        for (int k = off; k < off + dim; k++) {
            dst[k] *= inv;
        }
    }
}
