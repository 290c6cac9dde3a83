package dev.seqlab.embeddings.word2vec;

import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.corpora.text.EncodedCorpus;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stopped word2vec run, in one file written atomically: the options it ran with, how many
 * jobs (and corpus words, and trained words) were done, the encoded corpus with its vocabulary,
 * and the weights. Nothing else is needed to continue: each job's random choices are seeded by
 * the run's seed and the job's number, and the jobs are cut from the corpus the same way each
 * time, so the resumed run skips the first {@link #jobsDone} jobs and goes on as if it had
 * never stopped.
 */
final class Word2VecCheckpoint {
    private static final String MAGIC = "seqlab word2vec checkpoint 1";

    final String options;
    final long jobsDone;
    final long wordsDone;
    final long trainedWords;
    final EncodedCorpus corpus;
    final float[][] matrices;

    private Word2VecCheckpoint(
            String options,
            long jobsDone,
            long wordsDone,
            long trainedWords,
            EncodedCorpus corpus,
            float[][] matrices) {
        this.options = options;
        this.jobsDone = jobsDone;
        this.wordsDone = wordsDone;
        this.trainedWords = trainedWords;
        this.corpus = corpus;
        this.matrices = matrices;
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
        AtomicFiles.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(MAGIC);
            out.writeUTF(key(o));
            out.writeLong(jobsDone);
            out.writeLong(wordsDone);
            out.writeLong(trainedWords);
            corpus.writeTo(out);
            out.writeInt(w.words);
            out.writeInt(w.dim);
            for (float[] m : new float[][] {w.input, w.negativeOutput, w.treeOutput}) {
                out.writeBoolean(m != null);
                if (m != null) {
                    for (int r = 0; r < w.words; r++) {
                        for (int k = 0; k < w.dim; k++) {
                            out.writeFloat(m[r * w.stride + k]);
                        }
                    }
                }
            }
            out.flush();
        });
    }

    /**
     * Reads a checkpoint; its encoded corpus goes to a temporary file the caller closes.
     *
     * @throws MalformedFileException if the file is not a word2vec checkpoint or is cut short
     */
    static Word2VecCheckpoint read(Path file) throws IOException {
        EncodedCorpus corpus = null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new MalformedFileException(file, 0, "is not a seqlab word2vec checkpoint");
            }
            String options = in.readUTF();
            long jobs = in.readLong();
            long words = in.readLong();
            long trained = in.readLong();
            corpus = EncodedCorpus.read(in, null);
            int rows = in.readInt();
            int dim = in.readInt();
            if (rows != corpus.vocabulary().size() || dim < 1 || (long) rows * dim > Integer.MAX_VALUE - 8) {
                throw new MalformedFileException(
                        file,
                        0,
                        "holds " + rows + " × " + dim + " weights for a vocabulary of "
                                + corpus.vocabulary().size() + " words");
            }
            float[][] matrices = new float[3][];
            for (int m = 0; m < 3; m++) {
                if (in.readBoolean()) {
                    matrices[m] = new float[rows * dim];
                    for (int i = 0; i < matrices[m].length; i++) {
                        matrices[m][i] = in.readFloat();
                    }
                }
            }
            if (in.read() >= 0) {
                throw new MalformedFileException(file, 0, "has data after the weights");
            }
            return new Word2VecCheckpoint(options, jobs, words, trained, corpus, matrices);
        } catch (IOException | RuntimeException e) {
            if (corpus != null) {
                corpus.close();
            }
            if (e instanceof EOFException) {
                throw new MalformedFileException(file, 0, "ends early: the checkpoint is incomplete", e);
            }
            throw e;
        }
    }

    /** Copies the saved matrices into freshly made weights of the same shape. */
    void restore(Word2VecWeights w) throws IOException {
        float[][] targets = {w.input, w.negativeOutput, w.treeOutput};
        for (int m = 0; m < 3; m++) {
            if ((targets[m] == null) != (matrices[m] == null)) {
                throw new IOException("the checkpoint's objective (negative sampling / hierarchical softmax) differs");
            }
            if (targets[m] != null) {
                for (int r = 0; r < w.words; r++) {
                    System.arraycopy(matrices[m], r * w.dim, targets[m], r * w.stride, w.dim);
                }
            }
        }
    }
}
