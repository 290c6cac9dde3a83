package dev.seqlab.embeddings.word2vec;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.corpora.text.EncodedCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A stopped word2vec run: a {@link TrainingCheckpoint} of its options, progress, encoded corpus
 * and weights (input, negative-sampling output, Huffman-tree output).
 */
final class Word2VecCheckpoint {
    private static final String MAGIC = "seqlab word2vec checkpoint 2";

    final String options;
    final long jobsDone;
    final long wordsDone;
    final long trainedWords;
    final EncodedCorpus corpus;
    private final TrainingCheckpoint saved;

    private Word2VecCheckpoint(TrainingCheckpoint saved) {
        this.saved = saved;
        this.options = saved.key();
        this.jobsDone = saved.state().jobsDone();
        this.wordsDone = saved.state().wordsDone();
        this.trainedWords = saved.state().trainedWords();
        this.corpus = saved.corpus();
    }

    /** The options as a checkpoint records them: all but the thread count must match to resume. */
    static String key(Word2VecOptions o) {
        return o.withThreads(1).toString();
    }

    /** Writes the state after {@code jobsDone} jobs to {@code file} (atomically: the old checkpoint or the new one). */
    static void write(
            Path file,
            Word2VecOptions o,
            EncodedCorpus corpus,
            Word2VecWeights w,
            long jobsDone,
            long wordsDone,
            long trainedWords)
            throws IOException {
        TrainingCheckpoint.write(
                file, MAGIC, key(o), corpus, new TrainingRun.Resume(jobsDone, wordsDone, trainedWords), matrices(w));
    }

    private static List<TrainingCheckpoint.Matrix> matrices(Word2VecWeights w) {
        return List.of(
                new TrainingCheckpoint.Matrix(w.input, w.words, w.dim, w.stride),
                new TrainingCheckpoint.Matrix(w.negativeOutput, w.words, w.dim, w.stride),
                new TrainingCheckpoint.Matrix(w.treeOutput, w.words, w.dim, w.stride));
    }

    /**
     * Reads a checkpoint; its encoded corpus goes to a temporary file the caller closes.
     *
     * @throws MalformedFileException if the file is not a word2vec checkpoint or is cut short
     */
    static Word2VecCheckpoint read(Path file) throws IOException {
        return new Word2VecCheckpoint(TrainingCheckpoint.read(file, MAGIC, "word2vec"));
    }

    /** Copies the saved matrices into freshly made weights of the same shape. */
    void restore(Word2VecWeights w) throws IOException {
        List<TrainingCheckpoint.Matrix> targets = matrices(w);
        for (int m = 0; m < targets.size(); m++) {
            saved.restore(m, targets.get(m));
        }
    }
}
