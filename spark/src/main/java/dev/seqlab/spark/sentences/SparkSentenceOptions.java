package dev.seqlab.spark.sentences;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;
import dev.seqlab.sentences.SentenceEncoder;
import dev.seqlab.sentences.SentenceEncoderOptions;
import java.io.Serializable;
import java.util.Objects;

/**
 * Options of {@link SparkSentenceEmbeddings}.
 *
 * @param model     a bundled model's name ({@value SentenceEncoder#BUNDLED_MODEL}) or a directory
 *                  holding model.onnx and tokenizer.json present on every executor
 * @param maxLength tokens per sentence, 0 for the tokenizer's
 * @param batchSize sentences per model run, 0 chosen by the model (as {@link SentenceEncoderOptions})
 * @param threads   model runs at once in each executor JVM
 * @param groupSize sentences a task hands the encoder at once (sorted by length there, then batched)
 */
public record SparkSentenceOptions(String model, int maxLength, int batchSize, int threads, int groupSize)
        implements Serializable {
    /**
     * @throws IllegalArgumentException naming the bad value
     */
    public SparkSentenceOptions {
        Objects.requireNonNull(model, "model");
        new SentenceEncoderOptions(maxLength, batchSize, threads); // validates those three
        Checks.atLeast("groupSize", groupSize, 1);
    }

    /** The bundled all-MiniLM-L6-v2 (quantised), its own length and batch, one thread, groups of 1,024. */
    public static SparkSentenceOptions defaults() {
        return new SparkSentenceOptions(SentenceEncoder.BUNDLED_MODEL, 0, 0, 1, 1024);
    }

    /** These options with another model. */
    public SparkSentenceOptions withModel(String nameOrDir) {
        return Withers.with(this, "model", nameOrDir);
    }

    /** These options with another number of model runs at once per executor. */
    public SparkSentenceOptions withThreads(int n) {
        return Withers.with(this, "threads", n);
    }

    /** These options with another batch size (0: chosen by the model). */
    public SparkSentenceOptions withBatchSize(int n) {
        return Withers.with(this, "batchSize", n);
    }

    /** The encoder options. */
    SentenceEncoderOptions encoderOptions() {
        return new SentenceEncoderOptions(maxLength, batchSize, threads);
    }
}
