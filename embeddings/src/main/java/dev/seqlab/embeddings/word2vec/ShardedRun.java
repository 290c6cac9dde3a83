package dev.seqlab.embeddings.word2vec;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.text.EncodedCorpus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Deterministic multi-threaded word2vec training ({@code --deterministic}): the same seed and
 * thread count give the same bytes, whatever the scheduling. The corpus is cut into jobs in order
 * (by {@link TrainingRun}'s reader) and taken in rounds of up to {@value #JOBS_PER_THREAD} jobs
 * per thread (fewer for small vocabularies, whose merges cost less); within a round job {@code q} goes to thread {@code q mod threads}, which trains it on its
 * own replica of the weights at the learning rate of the job's place in the run (not of the words
 * done so far, which depends on timing). At the end of a round the replicas' changes are merged
 * into the shared weights float by float in thread order and copied back to every replica: a
 * float changed by one thread takes that change, one changed by several takes the mean of their
 * changes. (Summing them instead overshoots: each thread has already made the step the others'
 * staleness hides from it, and on a small vocabulary, where every row changes in every thread,
 * training diverges.) No float is ever added in an order that timing chooses. Each thread sees
 * the others' updates once a round (at most {@value #JOBS_PER_THREAD}0,000 words each) instead
 * of at once, and memory holds one replica per thread more.
 */
final class ShardedRun {
    /** The most jobs each thread trains between two merges. */
    static final int JOBS_PER_THREAD = 50;

    /**
     * Floats of the weights merged per job of a round: a merge reads and writes every float of
     * every replica, so a round is made long enough (up to {@value #JOBS_PER_THREAD} jobs) for
     * merging to cost a few percent of training, and no longer, since each thread sees the others'
     * work only at merges.
     */
    private static final long MERGED_FLOATS_PER_JOB = 400_000;

    private static final TrainingJob END = new TrainingJob();

    private ShardedRun() {}

    /**
     * Runs {@code plan} over {@code corpus}: thread {@code t} trains with {@code workers.get(t)},
     * which updates {@code replicas.get(t)}; {@code weights} holds the merged result.
     */
    static TrainingRun.Result run(
            EncodedCorpus corpus,
            TrainingRun.Plan plan,
            Word2VecWeights weights,
            List<Word2VecWeights> replicas,
            List<? extends TrainingRun.JobTrainer> workers,
            ProgressListener progress,
            BooleanSupplier stopRequested,
            TrainingRun.Resume resumed,
            Supplier<String> status)
            throws IOException {
        long budget = (long) Math.ceil(plan.passes() * corpus.vocabulary().corpusTokens());
        long totalWords = Math.max(1, budget);
        int epochs = (int) Math.ceil(plan.passes());
        int threads = plan.threads();
        long floats = (long) weights.input.length
                * (1 + (weights.negativeOutput != null ? 1 : 0) + (weights.treeOutput != null ? 1 : 0));
        int round = threads * (int) Math.max(2, Math.min(JOBS_PER_THREAD, floats / MERGED_FLOATS_PER_JOB));
        BlockingQueue<TrainingJob> queue = new ArrayBlockingQueue<>(round + 1);
        BlockingQueue<TrainingJob> free = new ArrayBlockingQueue<>(2 * round + 1);
        for (int i = 0; i < 2 * round + 1; i++) {
            free.add(new TrainingJob());
        }
        long[] stoppedAt = {-1};
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(
                () -> {
                    try {
                        stoppedAt[0] = TrainingRun.readJobs(
                                corpus,
                                epochs,
                                plan.streams(),
                                budget,
                                queue,
                                free,
                                resumed.jobsDone(),
                                stopRequested,
                                plan.name());
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        try {
                            queue.put(END);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                plan.name() + "-reader");
        reader.setDaemon(true);
        progress.start(plan.task(), totalWords, "words");
        progress.advance(resumed.wordsDone());
        long done = resumed.wordsDone();
        long trained = resumed.trainedWords();
        double startAlpha = plan.startAlpha();
        double endAlpha = plan.endAlpha();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, plan.name() + "-shard");
            t.setDaemon(true);
            return t;
        });
        reader.start();
        try {
            List<TrainingJob> jobs = new ArrayList<>(round);
            boolean end = false;
            while (!end) {
                jobs.clear();
                while (jobs.size() < round) {
                    TrainingJob job = queue.take();
                    if (job == END) {
                        end = true;
                        break;
                    }
                    jobs.add(job);
                }
                if (jobs.isEmpty()) {
                    break;
                }
                List<Callable<Long>> shards = new ArrayList<>(threads);
                for (int t = 0; t < threads; t++) {
                    int shard = t;
                    TrainingRun.JobTrainer worker = workers.get(t);
                    shards.add(() -> {
                        long kept = 0;
                        for (int q = shard; q < jobs.size(); q += threads) {
                            TrainingJob job = jobs.get(q);
                            double place = TrainingRun.place(
                                    plan,
                                    job,
                                    job.startWord,
                                    totalWords,
                                    corpus.vocabulary().corpusTokens());
                            kept += worker.train(job, (float) (startAlpha - (startAlpha - endAlpha) * place));
                        }
                        return kept;
                    });
                }
                for (Future<Long> f : pool.invokeAll(shards)) {
                    trained += f.get();
                }
                merge(weights, replicas, pool);
                long words = 0;
                for (TrainingJob job : jobs) {
                    words += job.corpusWords;
                    free.put(job);
                }
                done += words;
                progress.advance(words);
                double fraction = Math.min(1.0, done / (double) totalWords);
                progress.status(
                        String.format(Locale.ROOT, "alpha %.5f", startAlpha - (startAlpha - endAlpha) * fraction)
                                + status.get());
            }
            reader.join();
        } catch (InterruptedException e) {
            reader.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(plan.name() + " training interrupted");
        } catch (ExecutionException e) {
            failure.compareAndSet(null, e.getCause());
            reader.interrupt();
        } finally {
            pool.shutdownNow();
        }
        progress.finish();
        TrainingRun.rethrow(failure.get());
        return new TrainingRun.Result(stoppedAt[0], done, trained);
    }

    /**
     * Merges the replicas' changes into {@code weights} in thread order and copies the result back
     * to every replica; the rows are split among the pool's threads (each float's sum is the
     * same whoever computes it).
     */
    private static void merge(Word2VecWeights weights, List<Word2VecWeights> replicas, ExecutorService pool)
            throws InterruptedException, ExecutionException {
        int threads = replicas.size();
        List<Callable<Void>> parts = new ArrayList<>(threads);
        int words = weights.words;
        int stride = weights.stride;
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) words * t / threads);
            int to = (int) ((long) words * (t + 1) / threads);
            parts.add(() -> {
                mergeRows(weights.input, replicas, r -> r.input, from, to, stride);
                if (weights.negativeOutput != null) {
                    mergeRows(weights.negativeOutput, replicas, r -> r.negativeOutput, from, to, stride);
                }
                if (weights.treeOutput != null) {
                    mergeRows(weights.treeOutput, replicas, r -> r.treeOutput, from, to, stride);
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(parts)) {
            f.get();
        }
    }

    /**
     * Merges rows {@code [from, to)}: a row no replica changed is skipped, a row one replica
     * changed is copied from it (both found by {@link Arrays#mismatch}, which compares many floats
     * at once), and only a row several changed is merged float by float.
     */
    static void mergeRows(
            float[] shared,
            List<Word2VecWeights> replicas,
            Function<Word2VecWeights, float[]> matrix,
            int from,
            int to,
            int stride) {
        int threads = replicas.size();
        float[][] copies = new float[threads][];
        for (int t = 0; t < threads; t++) {
            copies[t] = matrix.apply(replicas.get(t));
        }
        int[] changed = new int[threads];
        for (int row = from; row < to; row++) {
            int start = row * stride;
            int end = start + stride;
            int n = 0;
            for (int t = 0; t < threads; t++) {
                if (Arrays.mismatch(copies[t], start, end, shared, start, end) >= 0) {
                    changed[n++] = t;
                }
            }
            if (n == 0) {
                continue;
            }
            // the one replica that changed the row alone already holds the merged row
            int holder = n == 1 ? changed[0] : -1;
            if (n == 1) {
                System.arraycopy(copies[holder], start, shared, start, stride);
            } else {
                mergeFloats(shared, copies, changed, n, start, end);
            }
            for (int t = 0; t < threads; t++) {
                if (t != holder) {
                    System.arraycopy(shared, start, copies[t], start, stride);
                }
            }
        }
    }

    /**
     * Floats {@code [start, end)} of a row the {@code n} replicas {@code changed} all changed: a
     * float changed by one of them takes its change, one changed by several the mean.
     */
    private static void mergeFloats(float[] shared, float[][] copies, int[] changed, int n, int start, int end) {
        for (int i = start; i < end; i++) {
            float w = shared[i];
            float change = 0;
            int count = 0;
            for (int c = 0; c < n; c++) {
                float d = copies[changed[c]][i] - w;
                change += d;
                count += d != 0 ? 1 : 0;
            }
            shared[i] = count > 1 ? w + change / count : w + change;
        }
    }
}
