package dev.seqlab.sentences;

/**
 * How a {@link SentenceEncoder} tokenises and runs its model.
 *
 * <pre>{@code
 * SentenceEncoderOptions.DEFAULT.withMaxLength(256).withThreads(1);
 * }</pre>
 *
 * @param maxLength the most tokens of a sentence the model sees, special tokens included; longer
 *                  sentences are truncated. 0 takes the length the model's {@code tokenizer.json}
 *                  truncates to (128 for all-MiniLM-L6-v2, as Hugging Face tokenizers and
 *                  langchain4j use it), or 512 when it sets none
 * @param batchSize how many sentences one model run encodes, padded to the longest of them.
 *                  0 chooses: 1 for models that quantise activations at run time (their scale is
 *                  computed over the whole batch, so a sentence's vector would depend on which
 *                  sentences share its batch), else 32
 * @param threads   how many model runs go on at once (each on one thread); at least 1
 */
public record SentenceEncoderOptions(int maxLength, int batchSize, int threads) {

    /** The batch size chosen for models whose results do not depend on the batch. */
    public static final int DEFAULT_BATCH = 32;
    /** The largest batch size accepted. */
    public static final int MAX_BATCH = 4096;

    /** The tokenizer's length, batch size chosen by model, one run per processor. */
    public static final SentenceEncoderOptions DEFAULT =
            new SentenceEncoderOptions(0, 0, Math.max(1, Runtime.getRuntime().availableProcessors()));

    /** Validates the options. */
    public SentenceEncoderOptions {
        if (maxLength < 0) {
            throw new IllegalArgumentException(
                    "maximum length must be 0 (the tokenizer's) or positive, got " + maxLength);
        }
        if (batchSize < 0 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException(
                    "batch size must be 0 (chosen by model) to " + MAX_BATCH + ", got " + batchSize);
        }
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be 1 to 1024, got " + threads);
        }
    }

    /** These options with another maximum length (0: the tokenizer's). */
    public SentenceEncoderOptions withMaxLength(int maxLength) {
        return new SentenceEncoderOptions(maxLength, batchSize, threads);
    }

    /** These options with another batch size (0: chosen by model). */
    public SentenceEncoderOptions withBatchSize(int batchSize) {
        return new SentenceEncoderOptions(maxLength, batchSize, threads);
    }

    /** These options running {@code threads} model runs at once. */
    public SentenceEncoderOptions withThreads(int threads) {
        return new SentenceEncoderOptions(maxLength, batchSize, threads);
    }
}
