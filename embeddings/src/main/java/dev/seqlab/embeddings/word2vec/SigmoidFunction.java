package dev.seqlab.embeddings.word2vec;

/**
 * The logistic function as a trainer evaluates it in {@link NegativeStep}: taken as exactly 0 or 1
 * beyond ±{@link #saturation()}, looked up inside. word2vec's is {@link #WORD2VEC} (±6, the C
 * tool's and gensim's range); fastText's tool saturates at ±8 with a table of its own.
 */
public interface SigmoidFunction {
    /** word2vec's: {@link SigmoidTable}, saturated beyond ±{@value SigmoidTable#MAX_EXP}. */
    SigmoidFunction WORD2VEC = new SigmoidFunction() {
        @Override
        public float saturation() {
            return SigmoidTable.MAX_EXP;
        }

        @Override
        public float at(float x) {
            return SigmoidTable.sigmoid(x);
        }
    };

    /** Beyond ±this the function is taken as 0 (below) or 1 (above). */
    float saturation();

    /** The function at {@code x}, for {@code -saturation() <= x <= saturation()}. */
    float at(float x);
}
