package dev.seqlab.embeddings.fasttext;

/** fastText's {@code loss_name}, with the code a {@code .bin} stores for it. */
public enum FastTextLoss {
    /** Hierarchical softmax. */
    HS(1),
    /** Negative sampling. */
    NS(2),
    /** Full softmax. */
    SOFTMAX(3),
    /** One-versus-all (multi-label). */
    OVA(4);

    private final int code;

    FastTextLoss(int code) {
        this.code = code;
    }

    /** The int a {@code .bin} stores. */
    public int code() {
        return code;
    }

    /**
     * The loss stored as {@code code}.
     *
     * @throws IllegalArgumentException for a code fastText does not define
     */
    public static FastTextLoss ofCode(int code) {
        for (FastTextLoss l : values()) {
            if (l.code == code) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss code " + code + " (fastText has 1 to 4)");
    }
}
