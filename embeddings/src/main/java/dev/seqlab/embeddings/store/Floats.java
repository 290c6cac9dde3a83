package dev.seqlab.embeddings.store;

import java.nio.FloatBuffer;

/** One float per row (norms, quantisation scales and errors): in a heap array or mapped from a file. */
public interface Floats {

    /** The floats of the heap array {@code values} (not copied). */
    static Floats of(float[] values) {
        return new Floats() {
            @Override
            public int length() {
                return values.length;
            }

            @Override
            public float get(int i) {
                return values[i];
            }

            @Override
            public void copy(int from, int count, float[] dst, int off) {
                System.arraycopy(values, from, dst, off, count);
            }
        };
    }

    /**
     * The floats whose raw bits ({@link Float#floatToRawIntBits}) are {@code bits} (not copied): in
     * pieces that are never humongous objects for G1, unlike one array of a million floats.
     */
    static Floats ofBits(IntChunks bits) {
        return new Floats() {
            @Override
            public int length() {
                return bits.length();
            }

            @Override
            public float get(int i) {
                return Float.intBitsToFloat(bits.get(i));
            }

            @Override
            public void copy(int from, int count, float[] dst, int off) {
                for (int i = 0; i < count; i++) {
                    dst[off + i] = Float.intBitsToFloat(bits.get(from + i));
                }
            }
        };
    }

    /** The first {@code length} floats of a mapped region. */
    static Floats mapped(MappedRegion region, int length) {
        FloatBuffer single = region.floatsIfSingleSegment();
        return new Floats() {
            @Override
            public int length() {
                return length;
            }

            @Override
            public float get(int i) {
                return single != null ? single.get(i) : region.getFloat(4L * i);
            }

            @Override
            public void copy(int from, int count, float[] dst, int off) {
                region.getFloats(4L * from, dst, off, count);
            }
        };
    }

    /** The number of floats. */
    int length();

    /** Float {@code i}. */
    float get(int i);

    /** Copies the floats {@code [from, from + count)} into {@code dst} from {@code off}. */
    void copy(int from, int count, float[] dst, int off);
}
