package dev.seqlab.attention.files;

import dev.seqlab.attention.model.Seq2SeqModel;
import dev.seqlab.attention.seq2seq.AttentionSeq2Seq;
import dev.seqlab.attention.transformer.TransformerSeq2Seq;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.io.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a sequence-to-sequence model directory of either architecture. */
public final class Seq2SeqModelFiles {

    private Seq2SeqModelFiles() {}

    /**
     * Loads whichever seq2seq model {@code dir} holds (by the architecture in its config.json).
     *
     * @throws MalformedFileException if the directory holds another kind of model
     */
    public static Seq2SeqModel load(Path dir) throws IOException {
        String arch = ModelFiles.architecture(dir);
        if (arch.equals(AttentionSeq2Seq.ARCHITECTURE)) {
            return AttentionSeq2Seq.load(dir);
        }
        if (arch.equals(TransformerSeq2Seq.ARCHITECTURE)) {
            return TransformerSeq2Seq.load(dir);
        }
        throw new MalformedFileException(
                dir.resolve(ModelFiles.CONFIG),
                0,
                "not a seqlab sequence-to-sequence model (architecture '" + arch + "')");
    }
}
