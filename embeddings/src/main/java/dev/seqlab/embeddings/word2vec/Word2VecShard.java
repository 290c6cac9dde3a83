package dev.seqlab.embeddings.word2vec;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * word2vec training of one shard of a corpus for a caller that owns the learning-rate schedule
 * and the parameters between shards, such as a distributed trainer that averages the shards of
 * several machines after each round. It trains with the same workers and kernels as
 * {@link Word2Vec} (several threads updating the shard's weights without locks) on jobs the
 * caller cuts ({@link #job}); the caller reads and writes the weights between calls of
 * {@link #train}.
 *
 * <p>Each matrix is one Java array, so {@code words × stride} must stay below
 * {@link #MAX_FLOATS}: the constructor says so plainly otherwise.
 */
public final class Word2VecShard {
    /** The most floats one matrix of a shard can hold (one Java array). */
    public static final long MAX_FLOATS = Integer.MAX_VALUE - 8;

    /** The learning rate of a job, from the corpus words the shard has trained over in this call. */
    @FunctionalInterface
    public interface Schedule {
        /** The learning rate after {@code wordsDone} corpus words of this call. */
        float alpha(long wordsDone);
    }

    private final Word2VecOptions options;
    private final Word2VecWeights weights;
    private final NegativeSamplingTable negatives;
    private final HuffmanTree tree;
    private final Subsampling subsampling;

    /**
     * A shard for a vocabulary with these counts (id order), its weights initialised from the
     * options' seed as {@link Word2Vec} does.
     *
     * @param counts         the count of each word of the vocabulary
     * @param retainedTokens the corpus tokens of vocabulary words (for subsampling)
     * @throws IllegalArgumentException if the vocabulary is empty or its matrices would exceed {@link #MAX_FLOATS}
     */
    public Word2VecShard(long[] counts, long retainedTokens, Word2VecOptions options) {
        if (counts.length == 0) {
            throw new IllegalArgumentException("the vocabulary is empty: nothing to train");
        }
        checkFits(counts.length, options.dim());
        this.options = options;
        Word2VecKernel kernel = Word2VecKernels.KERNEL;
        this.weights = new Word2VecWeights(
                counts.length,
                options.dim(),
                kernel.lanes(),
                options.negative() > 0,
                options.hierarchicalSoftmax(),
                options.seed(),
                Word2Vec.INIT_RANGE);
        this.negatives = options.negative() > 0 ? NegativeSamplingTable.build(counts) : null;
        this.tree = options.hierarchicalSoftmax() ? HuffmanTree.build(counts) : null;
        this.subsampling = Subsampling.of(counts, retainedTokens, options.sample());
    }

    /**
     * Checks that one matrix of {@code words} rows of dimension {@code dim} (padded to the
     * kernel's stride) fits in one array.
     *
     * @throws IllegalArgumentException naming the sizes and the limit otherwise
     */
    public static void checkFits(long words, int dim) {
        long floats = words * stride(dim);
        if (floats > MAX_FLOATS) {
            throw new IllegalArgumentException(words + " words × dimension " + dim + " (rows padded to " + stride(dim)
                    + ") = " + floats + " floats, more than the " + MAX_FLOATS
                    + " one word2vec matrix of a shard can hold (one Java array);"
                    + " lower the vocabulary (min-count, max-vocab) or the dimension");
        }
    }

    /** The padded row length of this JVM's kernel for vectors of {@code dim} floats. */
    public static int stride(int dim) {
        int lanes = Word2VecKernels.KERNEL.lanes();
        return (dim + lanes - 1) / lanes * lanes;
    }

    /** The padded row length of the weights: row {@code w} starts at {@code w * stride()}. */
    public int stride() {
        return weights.stride;
    }

    /** The number of words. */
    public int words() {
        return weights.words;
    }

    /** The input vectors (the word vectors), padded rows; the caller may read and write them between calls. */
    public float[] input() {
        return weights.input;
    }

    /** The output vectors of negative sampling (null without it), padded rows. */
    public float[] negativeOutput() {
        return weights.negativeOutput;
    }

    /** The output vectors of the Huffman tree's inner nodes (null without hierarchical softmax), padded rows. */
    public float[] treeOutput() {
        return weights.treeOutput;
    }

    /**
     * A job of sentences already encoded as word ids.
     *
     * @param words        the ids of all sentences, one after the other (copied)
     * @param length       how many ids of {@code words} are used
     * @param sentenceEnds the end (exclusive) of each sentence in {@code words} (copied)
     * @param sentences    how many sentences
     * @param corpusWords  the corpus tokens the job covers, words out of the vocabulary included
     * @param sequence     the job's number, unique in the whole run: it seeds the job's random choices
     */
    public static TrainingJob job(
            int[] words, int length, int[] sentenceEnds, int sentences, long corpusWords, long sequence) {
        TrainingJob job = new TrainingJob();
        job.clear(sequence);
        job.words = Arrays.copyOf(words, Math.max(length, 1));
        job.length = length;
        job.sentenceEnds = Arrays.copyOf(sentenceEnds, Math.max(sentences, 1));
        job.sentences = sentences;
        job.corpusWords = corpusWords;
        return job;
    }

    /**
     * Trains on {@code jobs} with {@code threads} threads, each job at the rate {@code schedule}
     * gives for the corpus words done before it in this call.
     *
     * @return the number of words trained on (after subsampling)
     */
    public long train(List<TrainingJob> jobs, int threads, Schedule schedule) {
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicLong trained = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            Word2VecWorker worker = new Word2VecWorker(weights, options, negatives, tree, subsampling);
            try {
                for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
                    TrainingJob job = jobs.get(i);
                    trained.addAndGet(worker.train(job, schedule.alpha(done.get())));
                    done.addAndGet(job.corpusWords);
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        };
        int n = Math.max(1, Math.min(threads, jobs.size()));
        Thread[] pool = new Thread[n - 1];
        for (int t = 0; t < pool.length; t++) {
            pool[t] = new Thread(work, "word2vec-shard-" + t);
            pool[t].setDaemon(true);
            pool[t].start();
        }
        work.run();
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("word2vec shard training interrupted", e);
            }
        }
        Throwable error = failure.get();
        if (error instanceof RuntimeException re) {
            throw re;
        } else if (error instanceof Error err) {
            throw err;
        } else if (error != null) {
            throw new IllegalStateException(error);
        }
        return trained.get();
    }
}
