package dev.seqlab.embeddings.word2vec;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.text.EncodedCorpus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The threads of a word-vector training run, shared by word2vec and fastText: a reader thread
 * makes {@code epochs} passes over an {@link EncodedCorpus}, cut into {@link TrainingJob}s of
 * about {@value TrainingJob#TARGET_WORDS} tokens, and hands them through a bounded queue to the
 * training threads, which update shared weights without locks ("Hogwild"). The learning rate
 * falls linearly from its start to its end over all epochs, taken per job from the corpus words
 * done so far.
 *
 * <p>A run given a stop request stops between jobs: the jobs already handed out are finished and
 * {@link Result#stoppedAt()} says where to continue ({@link Resume}).
 */
public final class TrainingRun {
    private static final TrainingJob END = new TrainingJob();
    private static final long STATUS_MILLIS = 500;

    /** One training thread's work. */
    public interface JobTrainer {
        /** Trains on {@code job} at learning rate {@code alpha}; returns the number of words trained on. */
        long train(TrainingJob job, float alpha);
    }

    /**
     * Where a stopped run continues.
     *
     * @param jobsDone     jobs finished before the stop (cut again, not trained)
     * @param wordsDone    corpus words of those jobs
     * @param trainedWords words trained on in them
     */
    public record Resume(long jobsDone, long wordsDone, long trainedWords) {
        /** A run from the start. */
        public static final Resume NONE = new Resume(0, 0, 0);
    }

    /**
     * How a run ended.
     *
     * @param stoppedAt    the first job not handed out when asked to stop, or -1 after the last job
     * @param wordsDone    corpus words trained over, all epochs
     * @param trainedWords words trained on (after subsampling)
     */
    public record Result(long stoppedAt, long wordsDone, long trainedWords) {
        /** Whether the run stopped on request before its end. */
        public boolean stopped() {
            return stoppedAt >= 0;
        }
    }

    /**
     * What a run trains.
     *
     * @param epochs     whole passes over the corpus
     * @param passes     corpus words to train over, in passes ({@code epochs} for word2vec;
     *                   fastText's budget can end part way through one more pass): the run stops
     *                   after the job that reaches {@code ceil(passes × corpus tokens)} words, and
     *                   the learning rate reaches its end there
     * @param threads    training threads
     * @param startAlpha learning rate at the start
     * @param endAlpha   learning rate reached after the last word
     * @param task       the progress task's name
     * @param name       the threads' name prefix (and the trainer's in messages)
     * @param streams    parts of the corpus read at once, a job from each in turn ({@link
     *                   EncodedCorpus#part}); 1 reads it from start to end
     * @param perPart    with several streams, whether each part's learning rate falls with the
     *                   progress through that part alone, as in gensim's {@code corpus_file}
     *                   mode, where each of W workers reads 1/W of the corpus and takes its rate
     *                   from its own words against the whole corpus's: epoch e then runs from the
     *                   rate at e / epochs to the rate at (e + 1/W) / epochs, a sawtooth whose
     *                   mean is above the linear schedule's ({@link #place}); false: one linear
     *                   fall over the run's words
     */
    public record Plan(
            int epochs,
            double passes,
            int threads,
            double startAlpha,
            double endAlpha,
            String task,
            String name,
            int streams,
            boolean perPart) {
        /**
         * @throws IllegalArgumentException if {@code streams} is below 1
         */
        public Plan {
            if (streams < 1) {
                throw new IllegalArgumentException("streams must be at least 1, got " + streams);
            }
        }

        /** A plan whose learning rate falls linearly over the run's words. */
        public Plan(
                int epochs,
                double passes,
                int threads,
                double startAlpha,
                double endAlpha,
                String task,
                String name,
                int streams) {
            this(epochs, passes, threads, startAlpha, endAlpha, task, name, streams, false);
        }

        /** A plan reading the corpus in one stream, from start to end. */
        public Plan(
                int epochs, double passes, int threads, double startAlpha, double endAlpha, String task, String name) {
            this(epochs, passes, threads, startAlpha, endAlpha, task, name, 1);
        }

        /** A plan of exactly {@code epochs} passes, in one stream. */
        public Plan(int epochs, int threads, double startAlpha, double endAlpha, String task, String name) {
            this(epochs, epochs, threads, startAlpha, endAlpha, task, name, 1);
        }
    }

    private TrainingRun() {}

    /**
     * Where {@code job} trains in the learning-rate schedule, from 0 (the start rate) to 1 (the
     * end rate): the run's words done before it ({@code wordsBefore}) over {@code totalWords};
     * with {@link Plan#perPart()}, its epoch plus the words before it in its own part of the
     * corpus over the corpus's {@code corpusTokens}, over the epochs.
     */
    static double place(Plan plan, TrainingJob job, long wordsBefore, long totalWords, long corpusTokens) {
        if (plan.perPart() && plan.streams() > 1) {
            return partPlace(job.epoch, job.streamWord / (double) Math.max(1, corpusTokens), plan.epochs());
        }
        return Math.min(1.0, wordsBefore / (double) totalWords);
    }

    /**
     * The place in the learning-rate fall (0: the start rate, 1: the end rate) of a reader that
     * takes its rate from its own progress, as each of gensim's {@code corpus_file} workers does:
     * epoch {@code epoch} (from 0) plus {@code corpusDone}, the words it has read in its part of
     * the epoch over the whole corpus's, over {@code epochs}, at most 1. Read in W parts at once,
     * {@code corpusDone} ends each epoch at 1/W, so the rate falls in a sawtooth from the rate at
     * e / epochs to the rate at (e + 1/W) / epochs; in one part it is the linear fall over all
     * epochs. The Spark trainer's tasks use it too, with a partition's place in the epoch.
     */
    public static double partPlace(int epoch, double corpusDone, int epochs) {
        return Math.min(1.0, (epoch + corpusDone) / epochs);
    }

    /**
     * Runs {@code plan} over {@code corpus} with one trainer from {@code trainers} per thread,
     * reporting corpus words to {@code progress} and the learning rate as its status.
     *
     * @throws IOException if the corpus cannot be read (or the run is interrupted)
     */
    public static Result run(
            EncodedCorpus corpus,
            Plan plan,
            Supplier<? extends JobTrainer> trainers,
            ProgressListener progress,
            BooleanSupplier stopRequested,
            Resume resumed)
            throws IOException {
        return run(corpus, plan, trainers, progress, stopRequested, resumed, () -> "");
    }

    /**
     * As {@link #run(EncodedCorpus, Plan, Supplier, ProgressListener, BooleanSupplier, Resume)},
     * appending {@code status} (e.g. the running loss) to the learning rate on the progress line.
     */
    public static Result run(
            EncodedCorpus corpus,
            Plan plan,
            Supplier<? extends JobTrainer> trainers,
            ProgressListener progress,
            BooleanSupplier stopRequested,
            Resume resumed,
            Supplier<String> status)
            throws IOException {
        long budget = (long) Math.ceil(plan.passes() * corpus.vocabulary().corpusTokens());
        long totalWords = Math.max(1, budget);
        int epochs = (int) Math.ceil(plan.passes());
        long corpusTokens = corpus.vocabulary().corpusTokens();
        AtomicLong done = new AtomicLong(resumed.wordsDone());
        AtomicLong lastPlace =
                new AtomicLong(Double.doubleToRawLongBits(Math.min(1.0, done.get() / (double) totalWords)));
        AtomicLong trained = new AtomicLong(resumed.trainedWords());
        long skip = resumed.jobsDone();
        long[] stoppedAt = {-1};
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int threads = plan.threads();
        BlockingQueue<TrainingJob> queue = new ArrayBlockingQueue<>(2 * threads + threads);
        BlockingQueue<TrainingJob> free = new ArrayBlockingQueue<>(2 * threads + 1);
        for (int i = 0; i < 2 * threads + 1; i++) {
            free.add(new TrainingJob());
        }
        progress.start(plan.task(), totalWords, "words");
        progress.advance(done.get());
        String name = plan.name();
        Thread reader = new Thread(
                () -> {
                    try {
                        stoppedAt[0] = readJobs(
                                corpus, epochs, plan.streams(), budget, queue, free, skip, stopRequested, name);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        for (int i = 0; i < threads; i++) {
                            try {
                                queue.put(END);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                    }
                },
                name + "-reader");
        Thread[] workers = new Thread[threads];
        double startAlpha = plan.startAlpha();
        double endAlpha = plan.endAlpha();
        for (int t = 0; t < threads; t++) {
            JobTrainer worker = trainers.get();
            workers[t] = new Thread(
                    () -> {
                        try {
                            while (true) {
                                TrainingJob job = queue.take();
                                if (job == END) {
                                    return;
                                }
                                double place = place(plan, job, done.get(), totalWords, corpusTokens);
                                float alpha = (float) (startAlpha - (startAlpha - endAlpha) * place);
                                lastPlace.set(Double.doubleToRawLongBits(place));
                                trained.addAndGet(worker.train(job, alpha));
                                done.addAndGet(job.corpusWords);
                                progress.advance(job.corpusWords);
                                free.put(job);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    name + "-" + t);
        }
        reader.setDaemon(true);
        reader.start();
        for (Thread w : workers) {
            w.setDaemon(true);
            w.start();
        }
        try {
            for (Thread w : workers) {
                while (w.isAlive()) {
                    w.join(STATUS_MILLIS);
                    double place = Double.longBitsToDouble(lastPlace.get());
                    progress.status(
                            String.format(Locale.ROOT, "alpha %.5f", startAlpha - (startAlpha - endAlpha) * place)
                                    + status.get());
                    if (failure.get() != null) {
                        stop(reader, workers);
                    }
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            stop(reader, workers);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(name + " training interrupted");
        }
        progress.finish();
        rethrow(failure.get());
        return new Result(stoppedAt[0], done.get(), trained.get());
    }

    /** Rethrows a worker's failure as it was (I/O, runtime or error), or does nothing without one. */
    static void rethrow(Throwable error) throws IOException {
        if (error instanceof IOException io) {
            throw io;
        } else if (error instanceof RuntimeException re) {
            throw re;
        } else if (error instanceof Error err) {
            throw err;
        } else if (error != null) {
            throw new IllegalStateException(error);
        }
    }

    private static void stop(Thread reader, Thread[] workers) {
        reader.interrupt();
        for (Thread w : workers) {
            w.interrupt();
        }
    }

    /**
     * The reader thread: {@code epochs} passes over the encoded corpus, cut into jobs, the first
     * {@code skip} of which (done before a checkpoint) are cut but not handed out, ending with the
     * job that reaches {@code budget} corpus words. Before handing out a job it polls
     * {@code stopRequested}.
     *
     * @return the number of the first job not handed out when asked to stop, or -1 after the last job
     */
    static long readJobs(
            EncodedCorpus corpus,
            int epochs,
            int streams,
            long budget,
            BlockingQueue<TrainingJob> queue,
            BlockingQueue<TrainingJob> free,
            long skip,
            BooleanSupplier stopRequested,
            String name)
            throws IOException, InterruptedException {
        long[] sequence = {0};
        long[] handed = {0};
        long[] streamPos = {0}; // corpus tokens read from the current part this epoch
        TrainingJob[] current = {take(free, sequence)};
        try {
            for (int e = 0; e < epochs; e++) {
                int epoch = e;
                EncodedCorpus.SentenceConsumer cut = (ids, length, tokens) -> {
                    TrainingJob job = current[0];
                    job.epoch = epoch;
                    if (job.corpusWords == 0 && job.sentences == 0) {
                        job.streamWord = streamPos[0];
                    }
                    streamPos[0] += tokens;
                    if (length > 0) {
                        job.reserve(length);
                        System.arraycopy(ids, 0, job.words, job.length, length);
                        job.length += length;
                        job.sentenceEnds[job.sentences++] = job.length;
                    }
                    job.corpusWords += tokens;
                    boolean last = handed[0] + job.corpusWords >= budget;
                    if (job.corpusWords >= TrainingJob.TARGET_WORDS || last) {
                        job.startWord = handed[0];
                        handed[0] += job.corpusWords;
                        hand(job, queue, skip, stopRequested, name);
                        if (last) {
                            throw new BudgetReached();
                        }
                        if (job.sequence < skip) {
                            job.clear(sequence[0]++); // done before the checkpoint: cut again, not trained
                        } else {
                            try {
                                current[0] = take(free, sequence);
                            } catch (InterruptedException ie) {
                                Thread.currentThread().interrupt();
                                throw new InterruptedIOException(name + " reader interrupted");
                            }
                        }
                    }
                };
                streamPos[0] = 0;
                if (streams > 1) {
                    readInTurn(corpus, streams, cut, sequence, streamPos);
                } else {
                    corpus.forEachSentence(cut);
                }
            }
            if (current[0].corpusWords > 0) {
                current[0].startWord = handed[0];
                hand(current[0], queue, skip, stopRequested, name);
            }
        } catch (StopReading stop) {
            return stop.job;
        } catch (BudgetReached done) {
            return -1;
        }
        return -1;
    }

    /**
     * One pass read from {@code streams} equal parts of the corpus at once ({@link
     * EncodedCorpus#part}): sentences go to {@code cut} from one part until a job has been cut
     * ({@code sequence} moves on), then from the next part, in turn, until every part is read;
     * {@code streamPos} holds the tokens read from the part being read this pass.
     */
    private static void readInTurn(
            EncodedCorpus corpus, int streams, EncodedCorpus.SentenceConsumer cut, long[] sequence, long[] streamPos)
            throws IOException {
        long[] partPos = new long[streams];
        EncodedCorpus.PartReader[] parts = new EncodedCorpus.PartReader[streams];
        try {
            for (int s = 0; s < streams; s++) {
                parts[s] = corpus.part(s, streams);
            }
            int open = streams;
            while (open > 0) {
                for (int s = 0; s < streams; s++) {
                    if (parts[s] == null) {
                        continue;
                    }
                    long before = sequence[0];
                    streamPos[0] = partPos[s];
                    while (sequence[0] == before) {
                        if (!parts[s].next(cut)) {
                            parts[s].close();
                            parts[s] = null;
                            open--;
                            break;
                        }
                    }
                    partPos[s] = streamPos[0];
                }
            }
        } finally {
            for (EncodedCorpus.PartReader part : parts) {
                if (part != null) {
                    part.close();
                }
            }
        }
    }

    /** Queues {@code job} for training unless it was done before the checkpoint; stops if asked. */
    private static void hand(
            TrainingJob job, BlockingQueue<TrainingJob> queue, long skip, BooleanSupplier stopRequested, String name)
            throws IOException {
        if (job.sequence < skip) {
            return;
        }
        if (stopRequested.getAsBoolean()) {
            throw new StopReading(job.sequence);
        }
        try {
            queue.put(job);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(name + " reader interrupted");
        }
    }

    /** Unwinds the reader's pass when a stop was requested before job {@link #job}. */
    private static final class StopReading extends IOException {
        private static final long serialVersionUID = 1L;
        final long job;

        StopReading(long job) {
            super("stop requested before job " + job);
            this.job = job;
        }
    }

    /** Unwinds the reader's pass once the job reaching the word budget is handed out. */
    private static final class BudgetReached extends IOException {
        private static final long serialVersionUID = 1L;

        BudgetReached() {
            super("word budget reached");
        }
    }

    private static TrainingJob take(BlockingQueue<TrainingJob> free, long[] sequence) throws InterruptedException {
        TrainingJob job = free.take();
        job.clear(sequence[0]++);
        return job;
    }
}
