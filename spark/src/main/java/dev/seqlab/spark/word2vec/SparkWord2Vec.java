package dev.seqlab.spark.word2vec;

import dev.seqlab.core.options.OptionsJson;
import dev.seqlab.corpora.text.VocabularyOptions;
import dev.seqlab.embeddings.word2vec.TrainingJob;
import dev.seqlab.embeddings.word2vec.Word2VecOptions;
import dev.seqlab.embeddings.word2vec.Word2VecShard;
import dev.seqlab.spark.text.SparkSentences;
import dev.seqlab.spark.text.SparkVocabulary;
import dev.seqlab.spark.text.VocabularyData;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains word2vec (skip-gram or CBOW, negative sampling and/or hierarchical softmax) on a corpus
 * too big for one machine.
 *
 * <pre>{@code
 * Dataset<String> lines = spark.read().textFile("hdfs://.../corpus/");
 * SparkWordVectors wv = SparkWord2Vec.train(lines, SparkWord2VecOptions.defaults().withPartitions(64));
 * wv.save(Path.of("vectors.bin"), VectorFormat.WORD2VEC_BINARY);
 * }</pre>
 *
 * <ol>
 *   <li>The vocabulary is counted as a Spark job ({@link SparkVocabulary}).
 *   <li>Each partition encodes its sentences as word ids once, in chunks of about 10,000 tokens
 *       kept in the executors' cache.
 *   <li>Each epoch is cut into {@link SparkWord2VecOptions#roundsPerEpoch()} rounds. In a round
 *       the driver broadcasts the parameters; every partition loads them into a
 *       {@link Word2VecShard} (seqlab's own workers and SIMD kernels, several threads) and trains
 *       its share of the round; the changes are summed by a tree reduction and the driver applies
 *       them ({@link Synchronisation}).
 *   <li>The learning rate falls over the whole corpus and all epochs as on one machine
 *       ({@link RateSchedule}: by default each epoch as if read in two parts at once, as
 *       single-machine seqlab reads it): a partition's position in an epoch is the words of the
 *       epoch's earlier rounds plus its own progress times the number of partitions.
 * </ol>
 *
 * <p>The driver's parameters are long-indexed ({@link dev.seqlab.spark.matrix.RowBlocks}); what
 * still limits vocabulary × dimension is the task side, where seqlab's kernels hold each matrix
 * in one Java array ({@link Word2VecShard#checkFits}), which is checked before any work starts.
 */
public final class SparkWord2Vec {
    private static final Logger LOG = LoggerFactory.getLogger(SparkWord2Vec.class);

    private SparkWord2Vec() {}

    /** Trains on the lines of {@code corpus} (one sentence a line). */
    public static SparkWordVectors train(Dataset<String> corpus, SparkWord2VecOptions options) {
        return train(corpus.javaRDD(), options);
    }

    /** Trains on {@code lines} (one sentence a line). */
    public static SparkWordVectors train(JavaRDD<String> lines, SparkWord2VecOptions options) {
        Word2VecOptions o = options.word2vec();
        JavaRDD<String> input = options.partitions() > 0 ? SparkSentences.spread(lines, options.partitions()) : lines;
        JavaRDD<String[]> sentences = SparkSentences.tokenize(input, options.text());
        long t0 = System.nanoTime();
        VocabularyData vocabulary =
                SparkVocabulary.count(sentences, new VocabularyOptions(o.minCount(), o.maxVocabSize()));
        if (vocabulary.size() == 0) {
            throw new IllegalArgumentException("no word of the corpus occurs at least min-count (" + o.minCount()
                    + ") times: nothing to train (" + vocabulary.corpusTokens() + " tokens read)");
        }
        Word2VecShard.checkFits(vocabulary.size(), o.dim());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(lines.context());
        Broadcast<VocabularyData> vocab = sc.broadcast(vocabulary);
        JavaRDD<EncodedChunk> chunks = sentences
                .mapPartitions(it -> EncodedChunk.encode(it, vocab.value().vocabulary()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Integer> perPartition = chunks.mapPartitions(
                        it -> {
                            int n = 0;
                            for (; it.hasNext(); it.next()) {
                                n++;
                            }
                            return Collections.singletonList(n).iterator();
                        },
                        true)
                .collect();
        double countSeconds = (System.nanoTime() - t0) / 1e9;
        LOG.info(
                "word2vec: {} words of {} corpus tokens counted and encoded in {} partitions in {} s",
                vocabulary.size(),
                vocabulary.corpusTokens(),
                perPartition.size(),
                countSeconds);
        LOG.debug("word2vec: chunks per partition {} (input partitions {})", perPartition, lines.getNumPartitions());
        long[] firstChunk = new long[perPartition.size() + 1];
        for (int p = 0; p < perPartition.size(); p++) {
            firstChunk[p + 1] = firstChunk[p] + perPartition.get(p);
        }
        long t1 = System.nanoTime();
        WordModel model = WordModel.of(new Word2VecShard(vocabulary.counts(), vocabulary.retainedTokens(), o), o.dim());
        Plan plan = new Plan(
                new SplittableRandom().nextLong(),
                OptionsJson.toJson(o),
                options.roundsPerEpoch(),
                vocabulary.counts(),
                vocabulary.retainedTokens(),
                (long) o.epochs() * vocabulary.corpusTokens(),
                vocabulary.corpusTokens(),
                new RateSchedule(o.alpha(), o.minAlpha(), o.epochs(), options.rateParts()),
                perPartition.size(),
                firstChunk);
        Broadcast<Plan> planned = sc.broadcast(plan);
        double[][] perWord = MergeScale.updatesPerWord(
                vocabulary.counts(), vocabulary.corpusTokens(), vocabulary.retainedTokens(), o);
        // the Nesterov variant: on the benchmark slice at 4 partitions it scored above the classical one
        BlockMomentum filter = options.synchronisation() == Synchronisation.BMUF
                ? BlockMomentum.over(model, options.blockMomentum(perPartition.size()), options.blockRate(), true)
                : null;
        long doneWords = 0;
        long trainedWords = 0;
        for (int epoch = 0; epoch < o.epochs(); epoch++) {
            for (int round = 0; round < options.roundsPerEpoch(); round++) {
                Broadcast<WordModel> current = sc.broadcast(filter == null ? model : filter.start());
                int e = epoch;
                int r = round;
                long before = doneWords;
                ShardUpdate update = chunks.mapPartitionsWithIndex(
                                (p, it) -> Collections.singletonList(
                                                trainRound(planned.value(), current.value(), p, e, r, before, it))
                                        .iterator(),
                                true)
                        .treeReduce(ShardUpdate::merge);
                // the learning rate at the round's middle, over the initial one (the scaled sum's model)
                double middle = (before - (double) epoch * plan.corpusTokens + update.corpusWords / 2.0)
                        / Math.max(1, plan.corpusTokens);
                double rate = plan.schedule.alpha(epoch, middle) / o.alpha();
                MergeScale scale = MergeScale.of(
                        options.synchronisation(),
                        update.partitions,
                        perWord,
                        (double) update.corpusWords / Math.max(1, update.partitions),
                        rate);
                if (filter == null) {
                    update.applyTo(model, scale);
                } else {
                    filter.apply(update, scale, model);
                }
                current.destroy();
                doneWords += update.corpusWords;
                trainedWords += update.trainedWords;
                LOG.info(
                        "word2vec epoch {} round {}: {} corpus words of {} done, {} input and {} output rows changed",
                        epoch + 1,
                        round + 1,
                        doneWords,
                        plan.totalWords,
                        update.changedRows(0),
                        update.changedRows(1) + update.changedRows(2));
            }
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        chunks.unpersist(false);
        ShardPool.drop(plan.run());
        planned.destroy();
        vocab.destroy();
        return new SparkWordVectors(
                vocabulary.words(),
                model.input(),
                new SparkWordVectors.Stats(
                        vocabulary.corpusTokens(),
                        doneWords,
                        trainedWords,
                        countSeconds,
                        seconds,
                        perPartition.size()));
    }

    /** What every task needs besides the parameters; {@code run} tells this training's pooled shards apart. */
    private record Plan(
            long run,
            String word2vecJson,
            int roundsPerEpoch,
            long[] counts,
            long retainedTokens,
            long totalWords,
            long corpusTokens,
            RateSchedule schedule,
            int partitions,
            long[] firstChunk)
            implements Serializable {
        Word2VecOptions word2vec() {
            return OptionsJson.fromJson(word2vecJson, Word2VecOptions.defaults());
        }
    }

    /** One task: trains partition {@code p}'s chunks of round {@code round} from {@code model}. */
    private static ShardUpdate trainRound(
            Plan plan, WordModel model, int p, int epoch, int round, long before, Iterator<EncodedChunk> it) {
        Word2VecOptions o = plan.word2vec();
        List<EncodedChunk> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        int n = all.size();
        int rounds = plan.roundsPerEpoch();
        long totalChunks = plan.firstChunk()[plan.partitions()];
        List<TrainingJob> jobs = new ArrayList<>();
        long corpusWords = 0;
        for (int i = 0; i < n; i++) {
            if ((int) ((long) i * rounds / n) != round) {
                continue;
            }
            EncodedChunk chunk = all.get(i);
            jobs.add(chunk.job(epoch * totalChunks + plan.firstChunk()[p] + i));
            corpusWords += chunk.corpusWords();
        }
        if (jobs.isEmpty()) {
            return ShardUpdate.empty();
        }
        long t0 = System.nanoTime();
        Word2VecShard shard =
                ShardPool.take(plan.run(), () -> new Word2VecShard(plan.counts(), plan.retainedTokens(), o));
        try {
            return trainShard(shard, plan, o, model, jobs, p, epoch, round, before, corpusWords, t0);
        } finally {
            ShardPool.give(plan.run(), shard);
        }
    }

    /** Loads {@code model} into {@code shard}, trains {@code jobs} and returns the change. */
    private static ShardUpdate trainShard(
            Word2VecShard shard,
            Plan plan,
            Word2VecOptions o,
            WordModel model,
            List<TrainingJob> jobs,
            int p,
            int epoch,
            int round,
            long before,
            long corpusWords,
            long t0) {
        model.copyTo(shard);
        long t1 = System.nanoTime();
        // the partition's place in the epoch: the words of the epoch's earlier rounds plus P times its own
        double corpus = Math.max(1, plan.corpusTokens());
        double epochStart = (double) epoch * plan.corpusTokens();
        int partitions = plan.partitions();
        RateSchedule schedule = plan.schedule();
        long trained = shard.train(
                jobs,
                o.threads(),
                done -> schedule.alpha(epoch, (before - epochStart + (double) done * partitions) / corpus));
        long t2 = System.nanoTime();
        ShardUpdate update = ShardUpdate.of(model, shard, corpusWords, trained);
        LOG.debug(
                "partition {} round {}: {} words; load {} ms, train {} ms, change {} ms",
                p,
                round,
                corpusWords,
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (System.nanoTime() - t2) / 1_000_000);
        return update;
    }
}
