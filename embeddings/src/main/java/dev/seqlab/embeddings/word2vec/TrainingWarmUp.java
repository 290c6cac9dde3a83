package dev.seqlab.embeddings.word2vec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the training loops on a small made-up model while the corpus is being counted, so that
 * the JIT has compiled them before training starts. Counting a text corpus is one thread's work,
 * and until the optimising compiler has compiled the SIMD kernels, each vector operation runs as
 * an allocated object in the interpreter or first tier, many times slower: without this, both
 * training threads spent their first seconds there. The made-up model (a Zipf vocabulary of
 * {@value #WORDS} words, with the run's options) is thrown away; nothing it does reaches the
 * run's weights or random numbers, so results are the same with or without it.
 */
final class TrainingWarmUp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingWarmUp.class);
    private static final int WORDS = 2_000;
    /** Words per made-up job: small, so a stop request is honoured soon even before compilation. */
    private static final int JOB_WORDS = 240;

    private static final int SENTENCE = 24;
    /** It stops by itself after this long, if counting has not ended first. */
    private static final long MAX_NANOS = 4_000_000_000L;
    /** How long {@link #close()} waits for the current job to end. */
    private static final long JOIN_MILLIS = 1_000;

    private final Thread thread;
    private volatile boolean stop;
    private volatile long jobs;

    private TrainingWarmUp(Word2VecOptions options) {
        thread = new Thread(() -> run(options), "word2vec-warm-up");
        thread.setDaemon(true);
    }

    /** Starts warming up for a run with {@code options}; {@link #close()} stops it. */
    static TrainingWarmUp start(Word2VecOptions options) {
        TrainingWarmUp w = new TrainingWarmUp(options);
        w.thread.start();
        return w;
    }

    /**
     * Stops the warm-up after its current (small) job and waits up to a second for it, so that
     * it does not take a core from training.
     */
    @Override
    public void close() {
        stop = true;
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the warm-up thread is still running. */
    boolean running() {
        return thread.isAlive();
    }

    /** The made-up jobs trained so far. */
    long jobs() {
        return jobs;
    }

    private void run(Word2VecOptions o) {
        try {
            long t0 = System.nanoTime();
            long[] counts = new long[WORDS];
            long total = 0;
            for (int i = 0; i < WORDS; i++) {
                counts[i] = 1 + 1_000_000 / (i + 1);
                total += counts[i];
            }
            Word2VecWeights weights = new Word2VecWeights(
                    WORDS,
                    o.dim(),
                    Word2VecKernels.KERNEL.lanes(),
                    o.negative() > 0,
                    o.hierarchicalSoftmax(),
                    o.seed(),
                    Word2Vec.INIT_RANGE);
            NegativeSamplingTable unigrams = NegativeSamplingTable.build(counts);
            Word2VecWorker worker = new Word2VecWorker(
                    weights,
                    o,
                    o.negative() > 0 ? unigrams : null,
                    o.hierarchicalSoftmax() ? HuffmanTree.build(counts) : null,
                    Subsampling.of(counts, total, o.sample()));
            TrainingJob job = new TrainingJob();
            JobRandom random = new JobRandom(o.seed());
            while (!stop && System.nanoTime() - t0 < MAX_NANOS) {
                fill(job, jobs, unigrams, random);
                worker.train(job, (float) o.alpha());
                jobs++;
            }
            LOG.debug("warm-up: {} jobs in {} ms", jobs, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException | Error e) {
            LOG.debug("warm-up failed (training is not affected)", e); // e.g. out of memory for a huge dim
        }
    }

    /** Makes job {@code sequence}: sentences of words drawn from the made-up unigram distribution. */
    private static void fill(TrainingJob job, long sequence, NegativeSamplingTable unigrams, JobRandom random) {
        job.clear(sequence);
        random.startJob(sequence);
        while (job.length < JOB_WORDS) {
            job.reserve(SENTENCE);
            for (int i = 0; i < SENTENCE; i++) {
                job.words[job.length++] = unigrams.sample(random.next());
            }
            job.sentenceEnds[job.sentences++] = job.length;
        }
        job.corpusWords = job.length;
    }
}
