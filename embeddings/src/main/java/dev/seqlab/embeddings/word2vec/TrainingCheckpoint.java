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
import java.util.List;

/**
 * A stopped {@link TrainingRun}, in one file written atomically: the trainer's options (as a key
 * that must match to resume), how far the run got ({@link TrainingRun.Resume}), the encoded corpus
 * with its vocabulary, and the weight matrices (padding dropped). Nothing else is needed to
 * continue: each job's random choices are seeded by the run's seed and the job's number, and the
 * jobs are cut from the corpus the same way each time, so the resumed run skips the jobs done and
 * goes on as if it had never stopped. Shared by word2vec and fastText, each with its own magic.
 */
public final class TrainingCheckpoint {
    /**
     * One weight matrix as training holds it: {@code rows} rows of {@code dim} floats, each
     * {@code stride} floats apart in {@code data}; null data for a matrix the run does not have.
     */
    public record Matrix(float[] data, int rows, int dim, int stride) {}

    private final String key;
    private final TrainingRun.Resume state;
    private final EncodedCorpus corpus;
    private final float[][] matrices;
    private final int[] rows;
    private final int[] dims;

    private TrainingCheckpoint(
            String key, TrainingRun.Resume state, EncodedCorpus corpus, float[][] matrices, int[] rows, int[] dims) {
        this.key = key;
        this.state = state;
        this.corpus = corpus;
        this.matrices = matrices;
        this.rows = rows;
        this.dims = dims;
    }

    /** Writes a checkpoint to {@code file} (atomically: the old checkpoint or the new one). */
    public static void write(
            Path file, String magic, String key, EncodedCorpus corpus, TrainingRun.Resume state, List<Matrix> matrices)
            throws IOException {
        AtomicFiles.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(magic);
            out.writeUTF(key);
            out.writeLong(state.jobsDone());
            out.writeLong(state.wordsDone());
            out.writeLong(state.trainedWords());
            corpus.writeTo(out);
            out.writeInt(matrices.size());
            for (Matrix m : matrices) {
                out.writeBoolean(m.data() != null);
                if (m.data() != null) {
                    out.writeInt(m.rows());
                    out.writeInt(m.dim());
                    for (int r = 0; r < m.rows(); r++) {
                        for (int k = 0; k < m.dim(); k++) {
                            out.writeFloat(m.data()[r * m.stride() + k]);
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
     * @param what the trainer's name for messages ("word2vec", "fastText")
     * @throws MalformedFileException if the file is not such a checkpoint or is cut short
     */
    public static TrainingCheckpoint read(Path file, String magic, String what) throws IOException {
        EncodedCorpus corpus = null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!magic.equals(in.readUTF())) {
                throw new MalformedFileException(file, 0, "is not a seqlab " + what + " checkpoint");
            }
            String key = in.readUTF();
            TrainingRun.Resume state = new TrainingRun.Resume(in.readLong(), in.readLong(), in.readLong());
            corpus = EncodedCorpus.read(in, null);
            int count = in.readInt();
            if (count < 0 || count > 16) {
                throw new MalformedFileException(file, 0, "holds " + count + " matrices");
            }
            float[][] matrices = new float[count][];
            int[] rows = new int[count];
            int[] dims = new int[count];
            for (int m = 0; m < count; m++) {
                if (in.readBoolean()) {
                    rows[m] = in.readInt();
                    dims[m] = in.readInt();
                    if (rows[m] < 0 || dims[m] < 1 || (long) rows[m] * dims[m] > Integer.MAX_VALUE - 8) {
                        throw new MalformedFileException(
                                file, 0, "holds a matrix of " + rows[m] + " × " + dims[m] + " weights");
                    }
                    matrices[m] = new float[rows[m] * dims[m]];
                    for (int i = 0; i < matrices[m].length; i++) {
                        matrices[m][i] = in.readFloat();
                    }
                }
            }
            if (in.read() >= 0) {
                throw new MalformedFileException(file, 0, "has data after the weights");
            }
            return new TrainingCheckpoint(key, state, corpus, matrices, rows, dims);
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

    /** The options key the stopped run wrote. */
    public String key() {
        return key;
    }

    /** Where the run continues. */
    public TrainingRun.Resume state() {
        return state;
    }

    /** The encoded corpus (the caller closes it). */
    public EncodedCorpus corpus() {
        return corpus;
    }

    /**
     * Copies saved matrix {@code m} into {@code target}, a matrix of the run about to continue.
     *
     * @throws IOException if the saved matrix is missing where {@code target} has one (or the
     *     reverse) or has another shape
     */
    public void restore(int m, Matrix target) throws IOException {
        float[] saved = m < matrices.length ? matrices[m] : null;
        if ((saved == null) != (target.data() == null)) {
            throw new IOException("the checkpoint's matrix " + m + " is " + (saved == null ? "missing" : "extra")
                    + ": it was written by a run with another objective");
        }
        if (saved == null) {
            return;
        }
        if (rows[m] != target.rows() || dims[m] != target.dim()) {
            throw new IOException("the checkpoint's matrix " + m + " is " + rows[m] + " × " + dims[m] + ", expected "
                    + target.rows() + " × " + target.dim());
        }
        for (int r = 0; r < rows[m]; r++) {
            System.arraycopy(saved, r * dims[m], target.data(), r * target.stride(), dims[m]);
        }
    }
}
