package dev.seqlab.embeddings.fasttext.train;

import dev.seqlab.core.checkpoint.TrainingStoppedException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.corpora.text.EncodedCorpus;
import dev.seqlab.corpora.text.TextCorpus;
import dev.seqlab.corpora.text.Vocabulary;
import dev.seqlab.corpora.text.VocabularyOptions;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fasttext.FastTextDictionary;
import dev.seqlab.embeddings.fasttext.FastTextModel;
import dev.seqlab.embeddings.fasttext.Subwords;
import dev.seqlab.embeddings.store.FloatRows;
import dev.seqlab.embeddings.word2vec.NegativeSamplingTable;
import dev.seqlab.embeddings.word2vec.Subsampling;
import dev.seqlab.embeddings.word2vec.TrainingCheckpoint;
import dev.seqlab.embeddings.word2vec.TrainingJob;
import dev.seqlab.embeddings.word2vec.TrainingRun;
import dev.seqlab.embeddings.word2vec.Word2VecKernels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Trains fastText's unsupervised model (Bojanowski et al. 2017): skip-gram or CBOW over word
 * vectors that are the mean of a word's own input row and the rows of its hashed character
 * n-grams, with negative sampling, as the fastText tool's {@code skipgram} and {@code cbow}
 * commands do, so the model it returns is the one that tool would write ({@code .bin} layout,
 * n-gram hashing, dictionary with {@code </s>}).
 *
 * <pre>{@code
 * Corpus corpus = Corpus.of(Path.of("corpus.txt"), TextCorpusOptions.defaults().withTokenizer(Tokenizers.whitespace()));
 * FastTextModel model = FastText.train(corpus, FastTextOptions.defaults().withThreads(4));
 * float[] v = model.wordVector("unseenable");   // from its n-grams
 * }</pre>
 *
 * <p>What is fastText's: the dictionary (words seen at least {@code minCount} times, by count, with
 * the end-of-line token {@code </s>} counted once per line of text, blank lines included),
 * subsampling that keeps an occurrence with probability {@code sqrt(t/f) + t/f}, negatives drawn
 * from the tool's table of about 10^7 entries, {@code count^0.5} each rounded up (redrawn when
 * they hit the target; {@link FastTextNegatives}), the tool's sigmoid table saturating at ±8
 * ({@link FastTextSigmoid}), windows drawn from 1..ws, a learning rate falling linearly from
 * {@code lr} to 0, inputs uniform in ±1/dim. What is seqlab's: the corpus is counted and encoded
 * once and streamed in jobs by word2vec's {@link TrainingRun}, the inner loops are word2vec's SIMD
 * kernels, the learning rate is set per job of 10,000 words (fastText: every 100 tokens), and
 * skip-gram adds a centre word's gradients to its rows once per window instead of after each
 * context word (the same arithmetic, see {@link FastTextWorker}). With one thread and a seed,
 * training is reproducible bit for bit; with several, threads update the shared matrices without
 * locks as the tool does ("Hogwild"). A run given a stop request stops between jobs and leaves a
 * checkpoint that {@link #resume} continues, as word2vec's does.
 */
public final class FastText {
    private static final String CHECKPOINT_MAGIC = "seqlab fastText checkpoint 1";
    /** Ends a checkpoint's key, before the corpus's blank-line count. */
    private static final String BLANK_LINES = " | blank lines ";

    private FastText() {}

    /** Trains on {@code corpus}, with no progress reports. */
    public static FastTextModel train(Corpus corpus, FastTextOptions options) throws IOException {
        return train(corpus, options, ProgressListener.NONE).model();
    }

    /**
     * Counts words, then trains, reporting both phases to {@code progress} (training in corpus
     * words, with the learning rate as status).
     *
     * @throws IllegalArgumentException if no word of the corpus occurs minCount times
     * @throws IOException              if the corpus cannot be read
     */
    public static FastTextReport train(Corpus corpus, FastTextOptions options, ProgressListener progress)
            throws IOException {
        long t0 = System.nanoTime();
        try (EncodedCorpus encoded =
                EncodedCorpus.build(corpus, VocabularyOptions.minCount(options.minCount()), progress)) {
            long blank = blankLines(corpus);
            return train(encoded, options, progress, (System.nanoTime() - t0) / 1e9, blank);
        }
    }

    /**
     * As {@link #train(Corpus, FastTextOptions, ProgressListener)}, polling {@code stopRequested}
     * between jobs (about {@value TrainingJob#TARGET_WORDS} words each): once it is true, the jobs
     * already handed out are finished, everything needed to continue is written to
     * {@code checkpoint} (atomically; the size of the matrices) and {@link TrainingStoppedException}
     * is thrown. {@link #resume} continues from that file; with one thread the result is bit for
     * bit the one of a run that never stopped.
     */
    public static FastTextReport train(
            Corpus corpus,
            FastTextOptions options,
            ProgressListener progress,
            BooleanSupplier stopRequested,
            Path checkpoint)
            throws IOException, TrainingStoppedException {
        long t0 = System.nanoTime();
        try (EncodedCorpus encoded =
                EncodedCorpus.build(corpus, VocabularyOptions.minCount(options.minCount()), progress)) {
            long blank = blankLines(corpus);
            return train(
                    encoded, options, progress, (System.nanoTime() - t0) / 1e9, blank, stopRequested, checkpoint, null);
        }
    }

    /**
     * Continues a run stopped by {@link #train(Corpus, FastTextOptions, ProgressListener,
     * BooleanSupplier, Path)} from its {@code checkpoint} (which is left in place; stopping again
     * replaces it).
     *
     * @param options the options of the stopped run; only the thread count may differ
     * @throws IllegalArgumentException if the options differ from the checkpoint's in anything but threads
     * @throws IOException              if the checkpoint cannot be read or is damaged
     */
    public static FastTextReport resume(
            Path checkpoint, FastTextOptions options, ProgressListener progress, BooleanSupplier stopRequested)
            throws IOException, TrainingStoppedException {
        TrainingCheckpoint saved = TrainingCheckpoint.read(checkpoint, CHECKPOINT_MAGIC, "fastText");
        try (EncodedCorpus encoded = saved.corpus()) {
            int mark = saved.key().lastIndexOf(BLANK_LINES);
            long blank = mark < 0 ? -1 : Long.parseLong(saved.key().substring(mark + BLANK_LINES.length()));
            if (!saved.key().equals(key(options, blank))) {
                throw new IllegalArgumentException(checkpoint + " was written by a run with other options: "
                        + saved.key() + "; give the same options (only --threads may change) or start afresh");
            }
            return train(encoded, options, progress, 0, blank, stopRequested, checkpoint, saved);
        }
    }

    /**
     * The options as a checkpoint records them (all but the thread count must match to resume),
     * followed by the corpus's blank lines, which the encoded corpus does not keep.
     */
    private static String key(FastTextOptions o, long blankLines) {
        return o.withThreads(1) + BLANK_LINES + blankLines;
    }

    /**
     * The lines of a text corpus without words: the fastText tool reads an end-of-line token
     * {@code </s>} from every line, these included, so they count in its dictionary.
     */
    private static long blankLines(Corpus corpus) throws IOException {
        return corpus instanceof TextCorpus text ? text.blankLines() : 0;
    }

    private static FastTextReport train(
            EncodedCorpus corpus, FastTextOptions o, ProgressListener progress, double countSeconds, long blankLines)
            throws IOException {
        try {
            return train(corpus, o, progress, countSeconds, blankLines, () -> false, null, null);
        } catch (TrainingStoppedException e) {
            throw new IllegalStateException(e); // never asked to stop
        }
    }

    private static FastTextReport train(
            EncodedCorpus corpus,
            FastTextOptions o,
            ProgressListener progress,
            double countSeconds,
            long blankLines,
            BooleanSupplier stopRequested,
            Path checkpoint,
            TrainingCheckpoint resumed)
            throws IOException, TrainingStoppedException {
        Vocabulary vocabulary = corpus.vocabulary();
        if (vocabulary.size() == 0) {
            throw new IllegalArgumentException("no word of the corpus occurs at least min-count (" + o.minCount()
                    + ") times: nothing to train (" + vocabulary.corpusTokens() + " tokens read)");
        }
        long start = System.nanoTime();
        Dictionary d = Dictionary.of(vocabulary, sentences(corpus) + blankLines);
        int nwords = d.words.size();
        int buckets = o.buckets();
        FastTextWeights weights = new FastTextWeights(
                nwords + buckets, nwords, o.dim(), Word2VecKernels.kernel().lanes(), o.seed());
        SubwordTable subwords = SubwordTable.build(
                nwords, w -> Subwords.wordRows(w, d.words.get(w), o.minn(), o.maxn(), buckets, nwords), weights.stride);
        List<TrainingCheckpoint.Matrix> matrices = List.of(
                new TrainingCheckpoint.Matrix(weights.input, nwords + buckets, o.dim(), weights.stride),
                new TrainingCheckpoint.Matrix(weights.output, nwords, o.dim(), weights.stride));
        if (resumed != null) {
            for (int m = 0; m < matrices.size(); m++) {
                resumed.restore(m, matrices.get(m));
            }
        }
        NegativeSamplingTable negatives = FastTextNegatives.of(d.counts);
        Subsampling subsampling = Subsampling.of(d.counts, d.ntokens, o.t());
        String task = o.cbow() ? "Training fastText CBOW" : "Training fastText skip-gram";
        TrainingRun.Result run = TrainingRun.run(
                corpus,
                new TrainingRun.Plan(o.epoch(), passes(o, d), o.threads(), o.lr(), 0, task, "fasttext"),
                () -> new FastTextWorker(weights, o, subwords, negatives, subsampling, d.dictionaryIds, d.eos),
                progress,
                stopRequested,
                resumed == null ? TrainingRun.Resume.NONE : resumed.state());
        if (run.stopped()) {
            TrainingCheckpoint.write(
                    checkpoint,
                    CHECKPOINT_MAGIC,
                    key(o, blankLines),
                    corpus,
                    new TrainingRun.Resume(run.stoppedAt(), run.wordsDone(), run.trainedWords()),
                    matrices);
            throw new TrainingStoppedException(
                    checkpoint, run.wordsDone(), Math.max(1, vocabulary.corpusTokens() * o.epoch()), "corpus words");
        }
        WordVectors vectors = WordVectors.of(d.words, wordVectors(weights, subwords, nwords), o.dim());
        FloatRows output = FloatRows.of(weights.compact(weights.output, nwords), nwords, o.dim());
        FloatRows input = FloatRows.of(weights.compact(weights.input, nwords + buckets), nwords + buckets, o.dim());
        FastTextModel model =
                new FastTextModel(o.args(), FastTextDictionary.ofWords(d.words, d.counts, d.ntokens), input, output);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new FastTextReport(
                model,
                vectors,
                vocabulary.corpusTokens(),
                run.trainedWords(),
                o.epoch(),
                countSeconds,
                seconds,
                Word2VecKernels.kernel().name());
    }

    /**
     * fastText's training budget in passes over the corpus: it trains until the dictionary tokens
     * it has read (words kept by min-count, and {@code </s>}) reach {@code epoch} times all the
     * tokens it counted (dropped words included), so a little over {@code epoch} passes when
     * min-count drops words; its learning rate reaches 0 there.
     */
    private static double passes(FastTextOptions o, Dictionary d) {
        return o.epoch()
                * (double) d.ntokens
                / Math.max(1, Arrays.stream(d.counts).sum());
    }

    /** Every dictionary word's vector: the mean of its rows, as fastText's {@code getWordVector}. */
    private static float[] wordVectors(FastTextWeights weights, SubwordTable subwords, int nwords) {
        int dim = weights.dim;
        float[] out = new float[Math.multiplyExact(nwords, dim)];
        int[] offsets = subwords.offsets();
        for (int w = 0; w < nwords; w++) {
            int o = w * dim;
            for (int r = subwords.start(w); r < subwords.end(w); r++) {
                for (int k = 0; k < dim; k++) {
                    out[o + k] += weights.input[offsets[r] + k];
                }
            }
            float inverse = subwords.inverse(w);
            for (int k = 0; k < dim; k++) {
                out[o + k] *= inverse;
            }
        }
        return out;
    }

    /** The number of sentences of a pass (each ends with fastText's {@code </s>}). */
    private static long sentences(EncodedCorpus corpus) throws IOException {
        long[] n = {0};
        corpus.forEachSentence((ids, length, tokens) -> n[0]++);
        return n[0];
    }

    /**
     * fastText's dictionary for a vocabulary: its words by count, with {@code </s>} (counted once per
     * line of the text, {@code lines} being its sentences and its blank lines, plus any {@code </s>}
     * of the text) placed before the first word seen less often.
     */
    private record Dictionary(List<String> words, long[] counts, long ntokens, int[] dictionaryIds, int eos) {
        static Dictionary of(Vocabulary vocabulary, long lines) {
            int v = vocabulary.size();
            int eosInText = vocabulary.id(Subwords.EOS);
            long eosCount = lines + (eosInText >= 0 ? vocabulary.count(eosInText) : 0);
            List<String> words = new ArrayList<>(v + 1);
            long[] counts = new long[v + 1];
            int[] ids = new int[v];
            int eos = -1;
            for (int i = 0; i < v; i++) {
                if (i == eosInText) {
                    continue;
                }
                if (eos < 0 && vocabulary.count(i) < eosCount) {
                    eos = add(words, counts, Subwords.EOS, eosCount);
                }
                ids[i] = add(words, counts, vocabulary.word(i), vocabulary.count(i));
            }
            if (eos < 0) {
                eos = add(words, counts, Subwords.EOS, eosCount);
            }
            if (eosInText >= 0) {
                ids[eosInText] = eos;
            }
            long ntokens = vocabulary.corpusTokens() + lines;
            return new Dictionary(words, Arrays.copyOf(counts, words.size()), ntokens, ids, eos);
        }

        private static int add(List<String> words, long[] counts, String word, long count) {
            counts[words.size()] = count;
            words.add(word);
            return words.size() - 1;
        }
    }
}
