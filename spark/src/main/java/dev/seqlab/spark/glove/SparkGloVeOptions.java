package dev.seqlab.spark.glove;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;
import dev.seqlab.embeddings.glove.GloVeOptions;
import dev.seqlab.spark.text.TextOptions;
import java.util.Objects;

/**
 * Options of {@link SparkGloVe}.
 *
 * @param glove      seqlab's GloVe options (window, vocabulary, training on the driver)
 * @param text       how lines become sentences
 * @param partitions partitions the counting runs in (and the pairs are reduced to); 0 keeps the input's
 */
public record SparkGloVeOptions(GloVeOptions glove, TextOptions text, int partitions) {
    /**
     * @throws IllegalArgumentException naming the bad value
     */
    public SparkGloVeOptions {
        Objects.requireNonNull(glove, "glove");
        Objects.requireNonNull(text, "text");
        Checks.zeroOrPositive("partitions", partitions);
    }

    /** seqlab's GloVe defaults, the simple tokenizer, the input's partitions. */
    public static SparkGloVeOptions defaults() {
        return new SparkGloVeOptions(GloVeOptions.defaults(), TextOptions.defaults(), 0);
    }

    /** These options with other GloVe options. */
    public SparkGloVeOptions withGloVe(GloVeOptions o) {
        return Withers.with(this, "glove", o);
    }

    /** These options with other text options. */
    public SparkGloVeOptions withText(TextOptions t) {
        return Withers.with(this, "text", t);
    }

    /** These options with another partition count (0: the input's). */
    public SparkGloVeOptions withPartitions(int n) {
        return Withers.with(this, "partitions", n);
    }
}
