package dev.seqlab.attention.seq2seq;

import dev.seqlab.attention.transformer.TransformerSeq2Seq;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.io.ModelFiles;
import dev.seqlab.core.param.Parameters;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What every sequence-to-sequence model offers: training on a batch, decoding one input, and model
 * files. {@link AttentionSeq2Seq} (the course's recurrent model with attention) and
 * {@link TransformerSeq2Seq} implement it.
 */
public interface Seq2SeqModel {

    /**
     * Forward and backward on a batch ({@code x [B][Tx]} input ids, 0 = padding; {@code y [B][Ty]}):
     * adds the gradients of the mean cross-entropy to the parameters (zero them first) and returns it.
     */
    double trainStep(int[][] x, int[][] y);

    /** Decodes one input greedily. */
    Prediction predict(int[] x);

    /** All trainable parameters. */
    Parameters parameters();

    /** Writes config.json and model.safetensors to {@code dir}. */
    void save(Path dir) throws IOException;

    /** Loads whichever seq2seq model {@code dir} holds. */
    static Seq2SeqModel load(Path dir) throws IOException {
        String arch = ModelFiles.architecture(dir);
        if (arch.equals(AttentionSeq2Seq.ARCHITECTURE)) {
            return AttentionSeq2Seq.load(dir);
        }
        if (arch.equals(TransformerSeq2Seq.ARCHITECTURE)) {
            return TransformerSeq2Seq.load(dir);
        }
        throw new MalformedFileException(dir.resolve(ModelFiles.CONFIG), 0, "not a seqlab sequence-to-sequence model (architecture '" + arch + "')");
    }
}
