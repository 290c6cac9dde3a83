package dev.seqlab.embeddings.glove;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.embeddings.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * Trains GloVe on co-occurrence counts made elsewhere — by a cluster that counted a corpus no
 * single machine reads in time — with the same shuffling and AdaGrad training as {@link GloVe}.
 * The counts must be those {@link GloVe} makes: every ordered pair {@code (a, b)} of vocabulary
 * ids once, with the sum of {@code 1/d} over its occurrences at distance {@code d ≤ window}.
 */
public final class GloVeFromCooccurrences {
    /** Receives each pair once. */
    @FunctionalInterface
    public interface Sink {
        /** Pair {@code (a, b)} co-occurs with weight {@code x}. */
        void accept(int a, int b, float x) throws IOException;
    }

    /** The pairs, given once each to a sink. */
    @FunctionalInterface
    public interface Pairs {
        /** Gives every pair to {@code sink}. */
        void forEach(Sink sink) throws IOException;
    }

    private GloVeFromCooccurrences() {}

    /**
     * Shuffles the pairs (on disk, within the options' memory budget) and trains on them.
     *
     * @param words        the vocabulary, by id
     * @param corpusTokens the corpus's tokens (reported)
     * @param maxPairs     an upper bound on the number of pairs
     * @throws IllegalArgumentException if there are no pairs or a pair's id is out of the vocabulary
     */
    public static GloVeReport train(
            List<String> words,
            long corpusTokens,
            long maxPairs,
            Pairs pairs,
            GloVeOptions o,
            ProgressListener progress)
            throws IOException {
        Path parent = o.workDirectory() != null ? o.workDirectory() : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "seqlab-glove-");
        int v = words.size();
        try {
            long t0 = System.nanoTime();
            progress.start("Shuffling co-occurrences", maxPairs, "pairs");
            CooccurrenceShuffler shuffler = new CooccurrenceShuffler(
                    work,
                    maxPairs,
                    o.memoryBytes(),
                    o.xMax(),
                    o.alpha(),
                    new SeededRandom(o.seed()).stream(1),
                    progress);
            pairs.forEach((a, b, x) -> {
                if (a < 0 || a >= v || b < 0 || b >= v) {
                    throw new IllegalArgumentException(
                            "pair (" + a + ", " + b + ") is outside the vocabulary of " + v + " words");
                }
                shuffler.accept(a, b, x);
            });
            Path shuffled = work.resolve("shuffled.bin");
            long n = shuffler.finish(shuffled);
            progress.finish();
            if (n == 0) {
                throw new IllegalArgumentException("no co-occurrences: nothing to train");
            }
            long t1 = System.nanoTime();
            GloVeKernel kernel = GloVeKernels.KERNEL;
            GloVeWeights weights = new GloVeWeights(v, o.dim(), kernel.lanes(), o.seed());
            double[] costs = GloVeTraining.run(weights, new CooccurrenceRecords(shuffled), kernel, o, progress);
            long t2 = System.nanoTime();
            WordVectors vectors = WordVectors.of(words, weights.sumOfWordAndContext(), o.dim());
            return new GloVeReport(
                    vectors,
                    corpusTokens,
                    n,
                    0,
                    0,
                    DoubleStream.of(costs).boxed().toList(),
                    0,
                    0,
                    (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9,
                    kernel.name());
        } finally {
            GloVe.deleteTree(work);
        }
    }
}
