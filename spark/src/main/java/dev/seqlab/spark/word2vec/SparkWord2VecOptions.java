package dev.seqlab.spark.word2vec;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;
import dev.seqlab.embeddings.word2vec.Word2VecOptions;
import dev.seqlab.spark.text.TextOptions;
import java.util.Objects;

/**
 * Options of {@link SparkWord2Vec}.
 *
 * @param word2vec        the training options of seqlab's word2vec ({@code threads} is the
 *                        number of training threads in each Spark task)
 * @param text            how lines become sentences
 * @param partitions      partitions the corpus is trained in (one task each per round), its lines
 *                        spread over them at random so that they hold about equal work (a round
 *                        waits for its slowest partition); 0 keeps the input's partitioning
 * @param roundsPerEpoch  synchronisations of the parameters per pass over the corpus
 * @param synchronisation how the partitions' changes are merged after each round
 * @param blockMomentum   η of {@link Synchronisation#BMUF}, in [0, 1): the fraction of the last
 *                        block change carried into the next; 0 for {@code 1 - 1/P} with P the
 *                        partitions (Chen and Huo's choice)
 * @param blockRate       ζ of {@link Synchronisation#BMUF}, the block learning rate (above 0)
 * @param rateParts       the learning rate of each epoch falls as if the epoch were read in this
 *                        many parts at once, each at its own progress ({@link RateSchedule}): 2,
 *                        as single-machine seqlab (and gensim's {@code corpus_file} mode with two
 *                        workers) reads it; 1 falls linearly over all epochs
 */
public record SparkWord2VecOptions(
        Word2VecOptions word2vec,
        TextOptions text,
        int partitions,
        int roundsPerEpoch,
        Synchronisation synchronisation,
        double blockMomentum,
        double blockRate,
        int rateParts) {
    /**
     * @throws IllegalArgumentException naming the bad value
     */
    public SparkWord2VecOptions {
        Objects.requireNonNull(word2vec, "word2vec");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(synchronisation, "synchronisation");
        Checks.zeroOrPositive("partitions", partitions);
        Checks.atLeast("roundsPerEpoch", roundsPerEpoch, 1);
        Checks.inUnitInterval("blockMomentum", blockMomentum, true);
        Checks.positive("blockRate", blockRate);
        Checks.atLeast("rateParts", rateParts, 1);
    }

    /**
     * seqlab's word2vec defaults (gensim's), the simple tokenizer, the input's partitions, 16
     * rounds per epoch, the average change filtered by Nesterov block momentum 1 - 1/P with block
     * learning rate 1 ({@link Synchronisation#BMUF}), each epoch's learning rate falling as in
     * two parts read at once (as single-machine seqlab's).
     */
    public static SparkWord2VecOptions defaults() {
        return new SparkWord2VecOptions(
                Word2VecOptions.defaults(), TextOptions.defaults(), 0, 16, Synchronisation.BMUF, 0, 1, 2);
    }

    /** These options with other word2vec options. */
    public SparkWord2VecOptions withWord2Vec(Word2VecOptions o) {
        return Withers.with(this, "word2vec", o);
    }

    /** These options with other text options. */
    public SparkWord2VecOptions withText(TextOptions t) {
        return Withers.with(this, "text", t);
    }

    /** These options with another partition count (0: the input's). */
    public SparkWord2VecOptions withPartitions(int n) {
        return Withers.with(this, "partitions", n);
    }

    /** These options with another number of rounds per epoch. */
    public SparkWord2VecOptions withRoundsPerEpoch(int n) {
        return Withers.with(this, "roundsPerEpoch", n);
    }

    /** These options with another block momentum η of {@link Synchronisation#BMUF} (0: 1 - 1/P). */
    public SparkWord2VecOptions withBlockMomentum(double eta) {
        return Withers.with(this, "blockMomentum", eta);
    }

    /** These options with another block learning rate ζ of {@link Synchronisation#BMUF}. */
    public SparkWord2VecOptions withBlockRate(double zeta) {
        return Withers.with(this, "blockRate", zeta);
    }

    /** These options with another number of parts each epoch's learning rate falls as if read in (1: linear). */
    public SparkWord2VecOptions withRateParts(int n) {
        return Withers.with(this, "rateParts", n);
    }

    /** The block momentum η for {@code partitions} partitions: {@link #blockMomentum}, or 1 - 1/P for 0. */
    public double blockMomentum(int partitions) {
        return blockMomentum > 0 ? blockMomentum : 1 - 1.0 / partitions;
    }

    /** These options with another synchronisation. */
    public SparkWord2VecOptions withSynchronisation(Synchronisation s) {
        return Withers.with(this, "synchronisation", s);
    }
}
