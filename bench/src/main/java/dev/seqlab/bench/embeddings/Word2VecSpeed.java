package dev.seqlab.bench.embeddings;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.corpora.text.TextCorpusOptions;
import dev.seqlab.corpora.text.Tokenizers;
import dev.seqlab.embeddings.io.VectorFormat;
import dev.seqlab.embeddings.word2vec.Word2Vec;
import dev.seqlab.embeddings.word2vec.Word2VecOptions;
import dev.seqlab.embeddings.word2vec.Word2VecReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * seqlab's side of {@code ../shared/bench/gensim_word2vec.py}: the same settings (dim 100, window
 * 5, negative 5, min-count 5, sample 1e-3, whitespace tokens as gensim's corpus_file reads them),
 * one JSON line with gensim's words/s measure (corpus words × epochs / seconds, counting included).
 *
 * <p>Usage: {@code Word2VecSpeed CORPUS [--sg 1|0] [--epochs N] [--threads N] [--alpha A] [--min-alpha A] [--out VECTORS.txt]};
 * the learning rate defaults to the architecture's ({@link Word2VecOptions#skipGram()}, {@link Word2VecOptions#cbow()}).
 */
public final class Word2VecSpeed {

    public static void main(String[] args) throws IOException {
        Path corpusFile = Path.of(args[0]);
        int sg = 1;
        int epochs = 1;
        int threads = 2;
        Path out = null;
        Double alpha = null;
        double minAlpha = 0.0001;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--sg" -> sg = Integer.parseInt(args[i + 1]);
                case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--alpha" -> alpha = Double.parseDouble(args[i + 1]);
                case "--min-alpha" -> minAlpha = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Corpus corpus = Corpus.of(corpusFile, TextCorpusOptions.defaults().withTokenizer(Tokenizers.whitespace()));
        Word2VecOptions base = sg == 1 ? Word2VecOptions.skipGram() : Word2VecOptions.cbow();
        Word2VecOptions o =
                base.withEpochs(epochs).withThreads(threads).withAlpha(alpha != null ? alpha : base.alpha(), minAlpha);
        Word2VecReport r = Word2Vec.train(corpus, o, ProgressListener.NONE);
        if (out != null) {
            r.vectors().save(out, VectorFormat.WORD2VEC);
        }
        System.out.printf(
                Locale.ROOT,
                "{\"peer\": \"seqlab\", \"sg\": %d, \"epochs\": %d, \"vocab\": %d, \"words\": %d,"
                        + " \"seconds\": %.2f, \"counting_s\": %.2f, \"words_per_s\": %.0f, \"trained\": %d, \"kernel\": \"%s\"}%n",
                sg,
                epochs,
                r.vectors().size(),
                r.corpusWords(),
                r.vocabularySeconds() + r.trainingSeconds(),
                r.vocabularySeconds(),
                r.wordsPerSecond(),
                r.trainedWords(),
                r.kernel());
    }
}
