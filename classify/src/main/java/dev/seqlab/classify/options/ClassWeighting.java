package dev.seqlab.classify.options;

/** How much each training sentence counts in the loss. */
public enum ClassWeighting {
    /** Every sentence alike. */
    NONE,
    /**
     * Each sentence weighs {@code n / (k · n_c)} for its class {@code c} ({@code n} sentences,
     * {@code k} classes, {@code n_c} of class c): every class contributes equally (scikit-learn's
     * {@code class_weight="balanced"}).
     */
    BALANCED
}
