package dev.seqlab.bench.embeddings;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.corpora.text.TextCorpusOptions;
import dev.seqlab.corpora.text.Tokenizers;
import dev.seqlab.embeddings.glove.GloVe;
import dev.seqlab.embeddings.glove.GloVeOptions;
import dev.seqlab.embeddings.glove.GloVeReport;
import dev.seqlab.embeddings.io.VectorFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * GloVe end to end on the benchmark corpus with the settings (dim 100, window 10, x_max 10,
 * 10 iterations, 2 threads, min-count 5, whitespace tokens as the GloVe tool reads them): one JSON
 * line with the time of each phase, to set against the Stanford tool's ~115 s on this machine kind.
 *
 * <p>Usage: {@code GloVeSpeed CORPUS [--iter N] [--threads N] [--x-max X] [--memory-mb M] [--out VECTORS.txt]}.
 */
public final class GloVeSpeed {

    public static void main(String[] args) throws IOException {
        Path corpusFile = Path.of(args[0]);
        GloVeOptions o = GloVeOptions.defaults()
                .withWeighting(10, 0.75)
                .withIterations(10)
                .withThreads(2);
        Path out = null;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--iter" -> o = o.withIterations(Integer.parseInt(args[i + 1]));
                case "--threads" -> o = o.withThreads(Integer.parseInt(args[i + 1]));
                case "--x-max" -> o = o.withWeighting(Double.parseDouble(args[i + 1]), o.alpha());
                case "--memory-mb" -> o = o.withMemoryBytes(Long.parseLong(args[i + 1]) << 20);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Corpus corpus = Corpus.of(corpusFile, TextCorpusOptions.defaults().withTokenizer(Tokenizers.whitespace()));
        GloVeReport r =
                GloVe.train(corpus, o, Boolean.getBoolean("glove.trace") ? new TraceProgress() : ProgressListener.NONE);
        if (out != null) {
            r.vectors().save(out, VectorFormat.WORD2VEC);
        }
        System.out.printf(
                Locale.ROOT,
                "{\"peer\": \"seqlab\", \"vocab\": %d, \"words\": %d, \"pairs\": %d, \"runs\": %d,"
                        + " \"seconds\": %.2f, \"vocab_s\": %.2f, \"cooccur_s\": %.2f, \"shuffle_s\": %.2f, \"train_s\": %.2f,"
                        + " \"cost\": %.5f, \"kernel\": \"%s\"}%n",
                r.vectors().size(),
                r.corpusTokens(),
                r.pairs(),
                r.runs(),
                r.totalSeconds(),
                r.vocabularySeconds(),
                r.countingSeconds(),
                r.shufflingSeconds(),
                r.trainingSeconds(),
                r.finalCost(),
                r.kernel());
    }

    /** With -Dglove.trace=true: each phase and status change on stderr with seconds since the start. */
    private static final class TraceProgress implements ProgressListener {
        private final long start = System.nanoTime();
        private String last = "";

        private void print(String what) {
            System.err.printf(Locale.ROOT, "%8.2f s  %s%n", (System.nanoTime() - start) / 1e9, what);
        }

        @Override
        public void start(String task, long total, String unit) {
            print("start " + task);
        }

        @Override
        public void advance(long amount) {}

        @Override
        public synchronized void status(String text) {
            if (!text.equals(last)) {
                last = text;
                print(text);
            }
        }

        @Override
        public void finish() {
            print("finish");
        }
    }
}
