package dev.seqlab.embeddings.glove;

import dev.seqlab.core.checkpoint.TrainingStoppedException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.corpora.text.EncodedCorpus;
import dev.seqlab.corpora.text.Vocabulary;
import dev.seqlab.corpora.text.VocabularyOptions;
import dev.seqlab.embeddings.WordVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/**
 * Trains GloVe vectors (Pennington, Socher and Manning 2014) on a corpus: count words, count
 * co-occurrences within a memory budget, shuffle, then fit
 *
 * <pre>
 *   J = Σ_ab f(X_ab) (w_a · w̃_b + b_a + b̃_b − log X_ab)²,   f(x) = min(1, (x / x_max)^alpha)
 * </pre>
 *
 * with AdaGrad over the non-zero X_ab, and return W + W̃ as the GloVe tool does.
 *
 * <pre>{@code
 * Corpus corpus = Corpus.of(Path.of("corpus.txt"), TextCorpusOptions.defaults().withLowercase(true));
 * WordVectors wv = GloVe.train(corpus, GloVeOptions.defaults().withIterations(10).withThreads(2));
 * }</pre>
 *
 * <p>The corpus text is read once (counting words while writing it as word numbers to a temporary
 * file, {@link EncodedCorpus}, which the co-occurrence count reads) and never held in memory; co-occurrence counts
 * that do not fit the budget go to sorted files in a temporary directory, which is deleted at
 * the end. With one thread and a seed, training is reproducible bit for bit; with several,
 * threads update the shared vectors without locks and runs agree only statistically.
 *
 * <p>A run given a stop request stops within 4,096 pairs per thread and leaves a checkpoint that
 * {@link #resume} continues, to the same bytes and costs with one thread.
 */
public final class GloVe {
    private static final int PROGRESS_STEP = 100_000;
    private static final BooleanSupplier NEVER = () -> false;

    private GloVe() {}

    /** Trains on {@code corpus}, with no progress reports. */
    public static WordVectors train(Corpus corpus, GloVeOptions options) throws IOException {
        return train(corpus, options, ProgressListener.NONE).vectors();
    }

    /** Trains on sentences held in memory (each a list of tokens). Temporary files may still be used. */
    public static WordVectors train(List<? extends List<String>> sentences, GloVeOptions options) {
        try {
            return train(Corpus.of(sentences), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs every phase, reporting each to {@code progress} (training with the cost as status).
     *
     * @throws IllegalArgumentException if fewer than two words occur minCount times, or no two
     *     kept words occur within a window of each other
     * @throws IOException if the corpus cannot be read or temporary files cannot be written
     */
    public static GloVeReport train(Corpus corpus, GloVeOptions o, ProgressListener progress) throws IOException {
        try {
            return train(corpus, o, progress, NEVER, null);
        } catch (TrainingStoppedException e) {
            throw new IllegalStateException(e); // never asked to stop
        }
    }

    /**
     * As {@link #train(Corpus, GloVeOptions, ProgressListener)}, polling {@code stopRequested}
     * during training (every 4,096 pairs per thread, and between iterations): once it is true
     * the threads stop where they are, everything needed to continue (weights, AdaGrad state,
     * position, the shuffled co-occurrences, the vocabulary) is written to {@code checkpoint}
     * atomically and {@link TrainingStoppedException} is thrown. A stop requested while counting
     * or shuffling takes effect when training starts. {@link #resume} continues; with one thread
     * the result is bit for bit the one of a run that never stopped.
     */
    public static GloVeReport train(
            Corpus corpus, GloVeOptions o, ProgressListener progress, BooleanSupplier stopRequested, Path checkpoint)
            throws IOException, TrainingStoppedException {
        long t0 = System.nanoTime();
        Path parent = o.workDirectory() != null ? o.workDirectory() : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "seqlab-glove-");
        try (EncodedCorpus encoded = EncodedCorpus.build(
                corpus, VocabularyOptions.minCount(o.minCount()).withMaxSize(o.maxVocabSize()), progress, work)) {
            return train(encoded, o, progress, work, t0, stopRequested, checkpoint);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Continues a run stopped by {@link #train(Corpus, GloVeOptions, ProgressListener,
     * BooleanSupplier, Path)} from its {@code checkpoint} (left in place; stopping again replaces it).
     *
     * @param options the options of the stopped run; only threads and the work directory may differ
     * @throws IllegalArgumentException if the options differ otherwise
     * @throws IOException              if the checkpoint cannot be read or is damaged
     */
    public static GloVeReport resume(
            Path checkpoint, GloVeOptions options, ProgressListener progress, BooleanSupplier stopRequested)
            throws IOException, TrainingStoppedException {
        Path parent = options.workDirectory() != null
                ? options.workDirectory()
                : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "seqlab-glove-");
        try {
            Path shuffled = work.resolve("shuffled.bin");
            GloVeCheckpoint saved = GloVeCheckpoint.read(checkpoint, shuffled);
            if (!saved.options.equals(GloVeCheckpoint.key(options))) {
                throw new IllegalArgumentException(checkpoint + " was written by a run with other options: "
                        + saved.options + "; give the same options (only --threads may change) or start afresh");
            }
            GloVeKernel kernel = GloVeKernels.KERNEL;
            GloVeWeights weights = new GloVeWeights(saved.words.size(), options.dim(), kernel.lanes(), options.seed());
            saved.restore(weights);
            long t0 = System.nanoTime();
            double[] costs = fit(
                    weights,
                    shuffled,
                    kernel,
                    options,
                    progress,
                    stopRequested,
                    saved.position,
                    checkpoint,
                    saved.words,
                    saved.counts);
            WordVectors vectors = WordVectors.of(saved.words, weights.sumOfWordAndContext(), options.dim());
            GloVeCheckpoint.Counts c = saved.counts;
            return new GloVeReport(
                    vectors,
                    c.corpusTokens(),
                    c.pairs(),
                    c.runs(),
                    c.countingBytes(),
                    DoubleStream.of(costs).boxed().toList(),
                    0,
                    0,
                    0,
                    (System.nanoTime() - t0) / 1e9,
                    kernel.name());
        } finally {
            deleteTree(work);
        }
    }

    /** Trains from {@code at}; on a stop request writes the checkpoint and throws. */
    private static double[] fit(
            GloVeWeights weights,
            Path shuffled,
            GloVeKernel kernel,
            GloVeOptions o,
            ProgressListener progress,
            BooleanSupplier stopRequested,
            GloVeTraining.Position at,
            Path checkpoint,
            List<String> words,
            GloVeCheckpoint.Counts counts)
            throws IOException, TrainingStoppedException {
        CooccurrenceRecords records = new CooccurrenceRecords(shuffled);
        try {
            return GloVeTraining.run(weights, records, kernel, o, progress, stopRequested, at);
        } catch (GloVeTraining.Stopped stopped) {
            progress.finish();
            GloVeCheckpoint.write(checkpoint, o, words, counts, at, weights, shuffled);
            throw new TrainingStoppedException(
                    checkpoint, at.recordsDone(records.size()), records.size() * o.iterations(), "pair updates");
        }
    }

    private static GloVeReport train(
            EncodedCorpus encoded,
            GloVeOptions o,
            ProgressListener progress,
            Path work,
            long t0,
            BooleanSupplier stopRequested,
            Path checkpoint)
            throws IOException, TrainingStoppedException {
        Vocabulary vocabulary = encoded.vocabulary();
        if (vocabulary.size() == 0) {
            throw new IllegalArgumentException("no word of the corpus occurs at least min-count (" + o.minCount()
                    + ") times: nothing to train (" + vocabulary.corpusTokens() + " tokens read)");
        }
        long t1 = System.nanoTime();
        CooccurrenceCounter counter = new CooccurrenceCounter(vocabulary.size(), o.window(), o.memoryBytes(), work);
        count(encoded, counter, progress);
        long t2 = System.nanoTime();
        Path shuffled = work.resolve("shuffled.bin");
        long maxPairs = counter.maxPairs();
        progress.start("Shuffling co-occurrences", maxPairs, "pairs");
        CooccurrenceShuffler shuffler = new CooccurrenceShuffler(
                work, maxPairs, o.memoryBytes(), o.xMax(), o.alpha(), new SeededRandom(o.seed()).stream(1), progress);
        counter.merge(shuffler);
        long pairs = shuffler.finish(shuffled);
        progress.finish();
        if (pairs == 0) {
            throw new IllegalArgumentException("no two words of the vocabulary occur within " + o.window()
                    + " words of each other: nothing to train");
        }
        long t3 = System.nanoTime();
        GloVeKernel kernel = GloVeKernels.KERNEL;
        GloVeWeights weights = new GloVeWeights(vocabulary.size(), o.dim(), kernel.lanes(), o.seed());
        GloVeCheckpoint.Counts counts =
                new GloVeCheckpoint.Counts(vocabulary.corpusTokens(), pairs, counter.runs(), counter.memoryBytes());
        double[] costs = fit(
                weights,
                shuffled,
                kernel,
                o,
                progress,
                stopRequested,
                GloVeTraining.Position.start(o.iterations()),
                checkpoint,
                vocabulary.words(),
                counts);
        long t4 = System.nanoTime();
        WordVectors vectors = WordVectors.of(vocabulary.words(), weights.sumOfWordAndContext(), o.dim());
        return new GloVeReport(
                vectors,
                vocabulary.corpusTokens(),
                pairs,
                counter.runs(),
                counter.memoryBytes(),
                DoubleStream.of(costs).boxed().toList(),
                (t1 - t0) / 1e9,
                (t2 - t1) / 1e9,
                (t3 - t2) / 1e9,
                (t4 - t3) / 1e9,
                kernel.name());
    }

    private static void count(EncodedCorpus corpus, CooccurrenceCounter counter, ProgressListener progress)
            throws IOException {
        progress.start("Counting co-occurrences", corpus.corpusTokens(), "words");
        long[] pending = {0};
        corpus.forEachSentence((ids, length, tokens) -> {
            counter.addSentence(ids, 0, length);
            pending[0] += tokens;
            if (pending[0] >= PROGRESS_STEP) {
                progress.advance(pending[0]);
                pending[0] = 0;
            }
        });
        progress.advance(pending[0]);
        progress.finish();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
