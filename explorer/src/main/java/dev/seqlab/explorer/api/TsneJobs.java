package dev.seqlab.explorer.api;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.explorer.tsne.BarnesHutTsne;
import dev.seqlab.explorer.tsne.TsneOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * t-SNE maps computed in the background, one at a time, a few queued: a request starts a job and
 * gets its id; polling the id gives the progress and, once done, the points. Finished jobs are
 * kept for the last {@value #KEPT} requests.
 */
final class TsneJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TsneJobs.class);
    private static final int KEPT = 32;

    /** One map being computed; fields written by the worker, read by pollers. */
    private static final class Job implements ProgressListener {
        final long id;
        final List<String> words;
        final AtomicLong done = new AtomicLong();
        volatile long total = 1;
        volatile String phase = "queued";
        volatile double[] points;
        volatile String error;

        Job(long id, List<String> words) {
            this.id = id;
            this.words = words;
        }

        @Override
        public void start(String task, long total, String unit) {
            this.phase = task;
            this.total = Math.max(1, total);
            this.done.set(0);
        }

        @Override
        public void advance(long amount) {
            done.addAndGet(amount);
        }

        @Override
        public void status(String text) {}

        @Override
        public void finish() {}
    }

    private final ThreadPoolExecutor worker;
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger threadCount = new AtomicInteger();

    TsneJobs(int queued) {
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queued - 1), r -> {
            Thread t = new Thread(r, "seqlab-explorer-tsne-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a map of {@code words} whose n × dim unit rows {@code rows} computes; returns the job document. */
    Map<String, Object> submit(List<String> words, Function<List<String>, float[]> rows, int dim, TsneOptions options) {
        Job job = new Job(ids.incrementAndGet(), words);
        jobs.put(job.id, job);
        try {
            worker.execute(() -> run(job, rows, dim, options));
        } catch (RejectedExecutionException e) {
            jobs.remove(job.id);
            throw new ApiException(503, "too many t-SNE maps in progress; try again when one has finished");
        }
        forgetOld();
        return status(job);
    }

    private static void run(Job job, Function<List<String>, float[]> rows, int dim, TsneOptions options) {
        try {
            float[] x = rows.apply(job.words);
            job.points = BarnesHutTsne.embed(x, job.words.size(), dim, options, job);
            job.phase = "done";
        } catch (RuntimeException e) {
            LOG.warn("t-SNE job {} failed: {}", job.id, e.toString());
            job.error = e.getMessage() == null ? e.toString() : e.getMessage();
            job.phase = "failed";
        }
    }

    /** The document of job {@code id}. */
    Map<String, Object> status(long id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw new ApiException(404, "no t-SNE job " + id + " (finished jobs are kept for a while only)");
        }
        return status(job);
    }

    private static Map<String, Object> status(Job job) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("job", job.id);
        double[] p = job.points;
        String state = p != null ? "done" : job.error != null ? "failed" : "running";
        doc.put("state", state);
        doc.put("phase", job.phase);
        doc.put("progress", p != null ? 1.0 : Math.min(1.0, (double) job.done.get() / job.total));
        if (job.error != null) {
            doc.put("error", job.error);
        }
        if (p != null) {
            doc.putAll(WordMaps.document("tsne", job.words, p, null));
        }
        return doc;
    }

    private void forgetOld() {
        long oldest = ids.get() - KEPT;
        jobs.keySet().removeIf(id -> id <= oldest);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
