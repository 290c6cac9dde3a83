package dev.seqlab.embeddings.word2vec;

import dev.seqlab.core.checkpoint.TrainingStoppedException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.corpora.text.EncodedCorpus;
import dev.seqlab.corpora.text.Vocabulary;
import dev.seqlab.corpora.text.VocabularyOptions;
import dev.seqlab.embeddings.WordVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Trains word2vec vectors on a corpus: one pass to count words, then {@code epochs} passes of
 * skip-gram or CBOW training.
 *
 * <pre>{@code
 * Corpus corpus = Corpus.of(Path.of("corpus.txt"), TextCorpusOptions.defaults().withLowercase(true));
 * WordVectors wv = Word2Vec.train(corpus, Word2VecOptions.defaults().withThreads(4));
 * wv.save(Path.of("vectors.txt"), VectorFormat.WORD2VEC);
 * }</pre>
 *
 * <p>The corpus is never held in memory: the counting pass also writes it as word numbers to a
 * temporary file ({@link EncodedCorpus}), which a reader thread streams in jobs of about 10,000
 * tokens to the training threads, so the text is tokenised once whatever the number of epochs. With one thread and a seed, training is reproducible bit for
 * bit; with several, threads update the shared vectors without locks as the C tool does
 * ("Hogwild"), so runs agree only statistically, unless the options ask for deterministic
 * training ({@link Word2VecOptions#deterministic()}): then the same seed and thread count give
 * the same bytes.
 *
 * <p>A run given a stop request stops between jobs and leaves a checkpoint that
 * {@link #resume} continues, to the same bytes with one thread (a stop asked for while the
 * words are being counted takes effect at the first job).
 */
public final class Word2Vec {
    private static final BooleanSupplier NEVER = () -> false;

    /**
     * Parts of the corpus read at once, a job from each in turn. The word2vec C tool and gensim
     * ({@code corpus_file}) give each thread its own part of the file, so their updates mix
     * distant stretches of the corpus; reading it from start to end instead, on a corpus whose
     * topics drift (a dictionary, then WordNet's glosses), cost 1.3 points of analogy accuracy on
     * the benchmark corpus. A constant, not the thread count, so a run cuts the same jobs with any
     * number of threads (a checkpoint resumes with another).
     */
    static final int STREAMS = 2;

    /**
     * Input vectors start uniform in [-1/dim, 1/dim), as gensim 4 starts them (the C tool: ±0.5/dim).
     * With the learning rate of each part falling with its own progress ({@link
     * TrainingRun.Plan#perPart()}) and saturated scores skipped ({@link SharedNegativeStep}), this
     * is gensim's training as its {@code corpus_file} mode runs it with two workers; together they
     * raised skip-gram's analogy accuracy on the benchmark corpus by about half a point.
     */
    static final float INIT_RANGE = 1f;

    private Word2Vec() {}

    /** Trains on {@code corpus}, with no progress reports. */
    public static WordVectors train(Corpus corpus, Word2VecOptions options) throws IOException {
        return train(corpus, options, ProgressListener.NONE).vectors();
    }

    /** Trains on sentences held in memory (each a list of tokens). */
    public static WordVectors train(List<? extends List<String>> sentences, Word2VecOptions options) {
        try {
            return train(Corpus.of(sentences), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory corpus does not do I/O
        }
    }

    /**
     * Counts words, then trains, reporting both phases to {@code progress} (training in corpus
     * words, with the current learning rate as status).
     *
     * @throws IllegalArgumentException if no word of the corpus occurs minCount times
     * @throws IOException              if the corpus cannot be read
     */
    public static Word2VecReport train(Corpus corpus, Word2VecOptions options, ProgressListener progress)
            throws IOException {
        long t0 = System.nanoTime();
        try (EncodedCorpus encoded = count(
                corpus,
                VocabularyOptions.minCount(options.minCount()).withMaxSize(options.maxVocabSize()),
                options,
                progress)) {
            double countSeconds = (System.nanoTime() - t0) / 1e9;
            return train(encoded, options, progress, countSeconds);
        }
    }

    /**
     * Trains on a corpus already counted and encoded (its vocabulary's min-count and max-size
     * apply; those of {@code options} are not used), e.g. to train several models on one encoding.
     *
     * @throws IllegalArgumentException if the vocabulary is empty (or has one word, with
     *     hierarchical softmax)
     */
    public static Word2VecReport train(EncodedCorpus corpus, Word2VecOptions options, ProgressListener progress)
            throws IOException {
        return train(corpus, options, progress, 0);
    }

    private static Word2VecReport train(
            EncodedCorpus corpus, Word2VecOptions o, ProgressListener progress, double countSeconds)
            throws IOException {
        try {
            return train(corpus, o, progress, countSeconds, NEVER, null, null);
        } catch (TrainingStoppedException e) {
            throw new IllegalStateException(e); // never asked to stop
        }
    }

    /**
     * As {@link #train(Corpus, Word2VecOptions, ProgressListener)}, polling {@code stopRequested}
     * between jobs (about {@value TrainingJob#TARGET_WORDS} words each): once it is true, the jobs
     * already handed out are finished, everything needed to continue is written to
     * {@code checkpoint} (atomically) and {@link TrainingStoppedException} is thrown.
     * {@link #resume} continues from that file; with one thread the result is bit for bit the
     * one of a run that never stopped.
     */
    public static Word2VecReport train(
            Corpus corpus,
            Word2VecOptions options,
            ProgressListener progress,
            BooleanSupplier stopRequested,
            Path checkpoint)
            throws IOException, TrainingStoppedException {
        long t0 = System.nanoTime();
        try (EncodedCorpus encoded =
                count(corpus, new VocabularyOptions(options.minCount(), options.maxVocabSize()), options, progress)) {
            return train(encoded, options, progress, (System.nanoTime() - t0) / 1e9, stopRequested, checkpoint, null);
        }
    }

    /**
     * Counts and encodes {@code corpus} while another thread warms the training loops up ({@link
     * TrainingWarmUp}): counting keeps one core busy, and the JIT's compilations of the kernels
     * would otherwise slow the first seconds of training.
     */
    private static EncodedCorpus count(
            Corpus corpus, VocabularyOptions vocabularyOptions, Word2VecOptions options, ProgressListener progress)
            throws IOException {
        try (TrainingWarmUp warmUp = TrainingWarmUp.start(options)) {
            return EncodedCorpus.build(corpus, vocabularyOptions, progress);
        }
    }

    /**
     * Continues a run stopped by {@link #train(Corpus, Word2VecOptions, ProgressListener,
     * BooleanSupplier, Path)} from its {@code checkpoint} (which is left in place; stopping
     * again replaces it).
     *
     * @param options the options of the stopped run; only the thread count may differ
     * @throws IllegalArgumentException if the options differ from the checkpoint's in anything but threads
     * @throws IOException              if the checkpoint cannot be read or is damaged
     */
    public static Word2VecReport resume(
            Path checkpoint, Word2VecOptions options, ProgressListener progress, BooleanSupplier stopRequested)
            throws IOException, TrainingStoppedException {
        Word2VecCheckpoint saved = Word2VecCheckpoint.read(checkpoint);
        try (EncodedCorpus encoded = saved.corpus) {
            if (!saved.options.equals(Word2VecCheckpoint.key(options))) {
                throw new IllegalArgumentException(checkpoint + " was written by a run with other options: "
                        + saved.options + "; give the same options (only --threads may change) or start afresh");
            }
            return train(encoded, options, progress, 0, stopRequested, checkpoint, saved);
        }
    }

    private static Word2VecReport train(
            EncodedCorpus corpus,
            Word2VecOptions o,
            ProgressListener progress,
            double countSeconds,
            BooleanSupplier stopRequested,
            Path checkpoint,
            Word2VecCheckpoint resumed)
            throws IOException, TrainingStoppedException {
        Vocabulary vocabulary = corpus.vocabulary();
        if (vocabulary.size() == 0) {
            throw new IllegalArgumentException("no word of the corpus occurs at least min-count (" + o.minCount()
                    + ") times: nothing to train (" + vocabulary.corpusTokens() + " tokens read)");
        }
        long start = System.nanoTime();
        int v = vocabulary.size();
        long[] counts = new long[v];
        for (int i = 0; i < v; i++) {
            counts[i] = vocabulary.count(i);
        }
        Word2VecKernel kernel = Word2VecKernels.KERNEL;
        Word2VecWeights weights = new Word2VecWeights(
                v, o.dim(), kernel.lanes(), o.negative() > 0, o.hierarchicalSoftmax(), o.seed(), INIT_RANGE);
        if (resumed != null) {
            resumed.restore(weights);
        }
        NegativeSamplingTable negatives = o.negative() > 0 ? NegativeSamplingTable.build(counts) : null;
        HuffmanTree tree = o.hierarchicalSoftmax() ? HuffmanTree.build(counts) : null;
        Subsampling subsampling = Subsampling.of(counts, vocabulary.retainedTokens(), o.sample());

        String task = (o.architecture() == Word2VecArchitecture.CBOW ? "Training CBOW" : "Training skip-gram");
        List<Word2VecWorker> workers = new CopyOnWriteArrayList<>();
        Supplier<Word2VecWorker> trainers = () -> {
            Word2VecWorker w = new Word2VecWorker(weights, o, negatives, tree, subsampling);
            workers.add(w);
            return w;
        };
        TrainingRun.Plan plan = new TrainingRun.Plan(
                o.epochs(), o.epochs(), o.threads(), o.alpha(), o.minAlpha(), task, "word2vec", STREAMS, true);
        TrainingRun.Resume resume = resumed == null
                ? TrainingRun.Resume.NONE
                : new TrainingRun.Resume(resumed.jobsDone, resumed.wordsDone, resumed.trainedWords);
        TrainingRun.Result run;
        if (o.deterministic()) {
            List<Word2VecWeights> replicas = new ArrayList<>();
            for (int t = 0; t < o.threads(); t++) {
                Word2VecWeights replica = new Word2VecWeights(weights);
                replicas.add(replica);
                workers.add(new Word2VecWorker(replica, o, negatives, tree, subsampling));
            }
            run = ShardedRun.run(
                    corpus,
                    plan,
                    weights,
                    replicas,
                    workers,
                    progress,
                    stopRequested,
                    resume,
                    () -> recentLoss(workers));
        } else {
            run = TrainingRun.run(corpus, plan, trainers, progress, stopRequested, resume, () -> recentLoss(workers));
        }
        if (run.stopped()) {
            Word2VecCheckpoint.write(
                    checkpoint, o, corpus, weights, run.stoppedAt(), run.wordsDone(), run.trainedWords());
            throw new TrainingStoppedException(
                    checkpoint, run.wordsDone(), Math.max(1, vocabulary.corpusTokens() * o.epochs()), "corpus words");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        WordVectors vectors = WordVectors.of(vocabulary.words(), weights.compactInput(), o.dim());
        return new Word2VecReport(
                vectors,
                vocabulary.corpusTokens(),
                run.trainedWords(),
                o.epochs(),
                countSeconds,
                seconds,
                kernel.name(),
                epochLosses(workers, o.epochs()),
                6L
                        * o.dim()
                        * workers.stream().mapToLong(Word2VecWorker::products).sum());
    }

    /** The progress line's loss: the mean of the workers' last jobs. */
    private static String recentLoss(List<Word2VecWorker> workers) {
        double sum = 0;
        int n = 0;
        for (Word2VecWorker w : workers) {
            double l = w.recentLoss();
            if (!Double.isNaN(l)) {
                sum += l;
                n++;
            }
        }
        return n == 0 ? "" : String.format(Locale.ROOT, ", loss %.4f", sum / n);
    }

    /** Each epoch's mean loss per prediction over all workers (NaN for an epoch not trained here). */
    private static double[] epochLosses(List<Word2VecWorker> workers, int epochs) {
        double[] loss = new double[epochs];
        long[] predictions = new long[epochs];
        for (Word2VecWorker w : workers) {
            for (int e = 0; e < epochs; e++) {
                loss[e] += w.lossByEpoch()[e];
                predictions[e] += w.predictionsByEpoch()[e];
            }
        }
        for (int e = 0; e < epochs; e++) {
            loss[e] = predictions[e] == 0 ? Double.NaN : loss[e] / predictions[e];
        }
        return loss;
    }
}
