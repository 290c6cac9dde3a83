package dev.seqlab.embeddings.glove;

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
 */
public final class GloVe {
    private static final int PROGRESS_STEP = 100_000;

    private GloVe() {
    }

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
        long t0 = System.nanoTime();
        Path parent = o.workDirectory() != null ? o.workDirectory() : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "seqlab-glove-");
        try (EncodedCorpus encoded = EncodedCorpus.build(corpus,
                VocabularyOptions.minCount(o.minCount()).withMaxSize(o.maxVocabSize()), progress, work)) {
            return train(encoded, o, progress, work, t0);
        } finally {
            deleteTree(work);
        }
    }

    private static GloVeReport train(EncodedCorpus encoded, GloVeOptions o, ProgressListener progress, Path work,
            long t0) throws IOException {
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
        CooccurrenceShuffler shuffler = new CooccurrenceShuffler(work, maxPairs, o.memoryBytes(), o.xMax(),
                o.alpha(), new SeededRandom(o.seed()).stream(1), progress);
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
        double[] costs = GloVeTraining.run(weights, new CooccurrenceRecords(shuffled), kernel, o, progress);
        long t4 = System.nanoTime();
        WordVectors vectors = WordVectors.of(vocabulary.words(), weights.sumOfWordAndContext(), o.dim());
        return new GloVeReport(vectors, vocabulary.corpusTokens(), pairs, counter.runs(), counter.memoryBytes(),
                DoubleStream.of(costs).boxed().toList(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, kernel.name());
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

    private static void deleteTree(Path dir) throws IOException {
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
