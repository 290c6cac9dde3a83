package dev.seqlab.embeddings.fasttext;

/** fastText's {@code model_name}, with the code a {@code .bin} stores for it. */
public enum FastTextArchitecture {
    /** Continuous bag of words (unsupervised). */
    CBOW(1),
    /** Skip-gram (unsupervised). */
    SKIPGRAM(2),
    /** Supervised text classification: its output rows are labels, not words. */
    SUPERVISED(3);

    private final int code;

    FastTextArchitecture(int code) {
        this.code = code;
    }

    /** The int a {@code .bin} stores. */
    public int code() {
        return code;
    }

    /**
     * The architecture stored as {@code code}.
     *
     * @throws IllegalArgumentException for a code fastText does not define
     */
    public static FastTextArchitecture ofCode(int code) {
        for (FastTextArchitecture a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown model code " + code + " (fastText has 1 to 3)");
    }
}
