package dev.seqlab.embeddings.glove;

import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.ExactCopy;
import dev.seqlab.core.io.MalformedFileException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stopped GloVe run, in one file written atomically: the options, the vocabulary, the counts
 * its report needs, where training stands ({@link GloVeTraining.Position}), the weights with
 * their AdaGrad accumulators, and the shuffled co-occurrence records. Training reads the
 * records in a fixed order and draws no random numbers, so a resumed run does exactly the
 * updates the stopped one had left.
 */
final class GloVeCheckpoint {
    private static final String MAGIC = "seqlab GloVe checkpoint 1";

    /** What the report of the finished run says about the phases before training. */
    record Counts(long corpusTokens, long pairs, int runs, long countingBytes) {}

    final String options;
    final List<String> words;
    final Counts counts;
    final GloVeTraining.Position position;
    final float[][] matrices;

    private GloVeCheckpoint(
            String options, List<String> words, Counts counts, GloVeTraining.Position position, float[][] matrices) {
        this.options = options;
        this.words = words;
        this.counts = counts;
        this.position = position;
        this.matrices = matrices;
    }

    /** The options as a checkpoint records them: all but threads and the work directory must match to resume. */
    static String key(GloVeOptions o) {
        return o.withThreads(1).withWorkDirectory(null).toString();
    }

    private static float[][] matrices(GloVeWeights w) {
        return new float[][] {
            w.word,
            w.context,
            w.wordGradSq,
            w.contextGradSq,
            w.wordBias,
            w.contextBias,
            w.wordBiasGradSq,
            w.contextBiasGradSq
        };
    }

    /** Writes the state of a stopped run to {@code file} (atomically); {@code records} is the shuffled file. */
    static void write(
            Path file,
            GloVeOptions o,
            List<String> words,
            Counts counts,
            GloVeTraining.Position at,
            GloVeWeights w,
            Path records)
            throws IOException {
        AtomicFiles.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(MAGIC);
            out.writeUTF(key(o));
            out.writeInt(words.size());
            for (String word : words) {
                out.writeUTF(word);
            }
            out.writeLong(counts.corpusTokens());
            out.writeLong(counts.pairs());
            out.writeInt(counts.runs());
            out.writeLong(counts.countingBytes());
            out.writeInt(at.iteration);
            writeDoubles(out, at.costs);
            int shares = at.next == null ? 0 : at.next.length;
            out.writeInt(shares);
            for (int t = 0; t < shares; t++) {
                out.writeLong(at.next[t]);
                out.writeLong(at.end[t]);
                out.writeDouble(at.sums[t]);
            }
            out.writeInt(w.dim);
            for (float[] m : matrices(w)) {
                int rowLength = m.length == w.vocabularySize ? 1 : w.stride;
                int used = rowLength == 1 ? 1 : w.dim;
                for (int r = 0; r < w.vocabularySize; r++) {
                    for (int k = 0; k < used; k++) {
                        out.writeFloat(m[r * rowLength + k]);
                    }
                }
            }
            out.writeLong(Files.size(records));
            Files.copy(records, out);
            out.flush();
        });
    }

    /**
     * Reads a checkpoint, its records into {@code records}.
     *
     * @throws MalformedFileException if the file is not a GloVe checkpoint or is cut short
     */
    static GloVeCheckpoint read(Path file, Path records) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new MalformedFileException(file, 0, "is not a seqlab GloVe checkpoint");
            }
            String options = in.readUTF();
            int size = in.readInt();
            if (size < 1) {
                throw new MalformedFileException(file, 0, "holds a vocabulary of " + size + " words");
            }
            List<String> words = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                words.add(in.readUTF());
            }
            Counts counts = new Counts(in.readLong(), in.readLong(), in.readInt(), in.readLong());
            GloVeTraining.Position at = new GloVeTraining.Position();
            at.iteration = in.readInt();
            at.costs = readDoubles(in, file);
            int shares = in.readInt();
            if (at.iteration < 0 || at.iteration > at.costs.length || shares < 0 || shares > 1 << 16) {
                throw new MalformedFileException(
                        file,
                        0,
                        "is at iteration " + at.iteration + " of " + at.costs.length + " with " + shares + " shares");
            }
            if (shares > 0) {
                at.next = new long[shares];
                at.end = new long[shares];
                at.sums = new double[shares];
                for (int t = 0; t < shares; t++) {
                    at.next[t] = in.readLong();
                    at.end[t] = in.readLong();
                    at.sums[t] = in.readDouble();
                }
            }
            int dim = in.readInt();
            if (dim < 1 || (long) size * dim > Integer.MAX_VALUE - 8) {
                throw new MalformedFileException(
                        file, 0, "holds vectors of dimension " + dim + " for " + size + " words");
            }
            float[][] matrices = new float[8][];
            for (int m = 0; m < 8; m++) {
                matrices[m] = new float[m < 4 ? size * dim : size];
                for (int i = 0; i < matrices[m].length; i++) {
                    matrices[m][i] = in.readFloat();
                }
            }
            long bytes = in.readLong();
            ExactCopy.toFile(in, bytes, records);
            return new GloVeCheckpoint(options, words, counts, at, matrices);
        } catch (EOFException e) {
            throw new MalformedFileException(file, 0, "ends early: the checkpoint is incomplete", e);
        }
    }

    /** Copies the saved weights and accumulators into weights of the same shape. */
    void restore(GloVeWeights w) {
        float[][] targets = matrices(w);
        for (int m = 0; m < 8; m++) {
            if (m >= 4) {
                System.arraycopy(matrices[m], 0, targets[m], 0, w.vocabularySize);
            } else {
                for (int r = 0; r < w.vocabularySize; r++) {
                    System.arraycopy(matrices[m], r * w.dim, targets[m], r * w.stride, w.dim);
                }
            }
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in, Path file) throws IOException {
        int n = in.readInt();
        if (n < 1 || n > 1 << 20) {
            throw new MalformedFileException(file, 0, "holds " + n + " iterations");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
