package dev.seqlab.spark.word2vec;

import dev.seqlab.embeddings.word2vec.Word2VecShard;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The shards an executor's tasks train in, kept from one round to the next: a round loads the
 * broadcast parameters into a shard it takes from here instead of allocating and initialising
 * two matrices (and building the sampling tables) for every task of every round. Keyed by a
 * random number drawn for each training run; other runs' pools are dropped when a run takes a
 * shard, so an executor holds the shards of one run (at most one per task running at once).
 */
final class ShardPool {
    private static final Map<Long, Queue<Word2VecShard>> POOLS = new ConcurrentHashMap<>();

    private ShardPool() {}

    /** A shard of run {@code run}: a pooled one, or a new one from {@code make}. */
    static Word2VecShard take(long run, Supplier<Word2VecShard> make) {
        POOLS.keySet().removeIf(k -> k != run);
        Word2VecShard shard =
                POOLS.computeIfAbsent(run, k -> new ConcurrentLinkedQueue<>()).poll();
        return shard != null ? shard : make.get();
    }

    /** Returns {@code shard} of run {@code run} for the next round's tasks on this executor. */
    static void give(long run, Word2VecShard shard) {
        Queue<Word2VecShard> pool = POOLS.get(run);
        if (pool != null) {
            pool.add(shard);
        }
    }

    /** Drops the shards of run {@code run} (called by the run's driver when it ends). */
    static void drop(long run) {
        POOLS.remove(run);
    }
}
