package dev.seqlab.attention.model;

import dev.seqlab.core.param.Parameters;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What every sequence-to-sequence model offers: training on a batch, decoding one input, and model
 * files. {@code AttentionSeq2Seq} (the course's recurrent model with attention) and
 * {@code TransformerSeq2Seq} implement it; {@code Seq2SeqModelFiles.load} reads either back.
 */
public interface Seq2SeqModel {

    /**
     * Forward and backward on a batch ({@code x [B][Tx]} input ids, 0 = padding; {@code y [B][Ty]}):
     * adds the gradients of the mean cross-entropy to the parameters (zero them first) and returns it.
     */
    double trainStep(int[][] x, int[][] y);

    /** Decodes one input greedily. */
    Prediction predict(int[] x);

    /**
     * Decodes a batch greedily ({@code x [B][Tx]}): the ids {@link #predict} chooses for each input,
     * computed for the whole batch at once.
     */
    int[][] decode(int[][] x);

    /** All trainable parameters. */
    Parameters parameters();

    /** Writes config.json and model.safetensors to {@code dir}. */
    void save(Path dir) throws IOException;
}
