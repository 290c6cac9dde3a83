package dev.seqlab.spark.word2vec;

/** How the driver merges the changes the partitions made to the parameters in one round. */
public enum Synchronisation {
    /**
     * The mean of the partitions' parameters (each partition's change divided by the number of
     * partitions), as Spark MLlib does: a word trained in one partition moves by 1/P of what that
     * partition learnt, so rare words learn slower as partitions grow.
     */
    AVERAGE,
    /**
     * Each row moves by the mean change of the partitions that changed it: a row only one
     * partition trained keeps its whole change, a row all trained gets their average.
     */
    TOUCHED_AVERAGE,
    /**
     * Every row moves by the sum of the partitions' changes, as the threads of one machine add
     * their updates to shared weights without locks (Hogwild), only with a round's delay: the
     * closest to single-machine training for rows a round barely moves, but rows every partition
     * drives to their target within a round overshoot by the number of partitions (diverging from
     * three partitions on).
     */
    SUM,
    /**
     * The sum for rows a round barely moves, the average for rows each partition alone drives to
     * their target, and in between the factor that makes the merge equal sequential training of
     * the partitions' shares on a quadratic model, from each row's expected updates in a round
     * ({@link MergeScale}).
     */
    SCALED_SUM,
    /**
     * Blockwise model-update filtering (Chen and Huo 2016): the average of the partitions'
     * changes taken as a block gradient and applied with Nesterov block momentum η (by default
     * {@code 1 - 1/P}) and block learning rate ζ ({@link BlockMomentum}): the sum for rows every
     * round moves alike, no overshoot for rows each partition drives to their target.
     */
    BMUF
}
