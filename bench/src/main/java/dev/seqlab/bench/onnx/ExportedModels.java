package dev.seqlab.bench.onnx;

import dev.seqlab.attention.onnx.AttentionOnnxExport;
import dev.seqlab.attention.onnx.TransformerOnnxExport;
import dev.seqlab.attention.seq2seq.AttentionSeq2Seq;
import dev.seqlab.attention.seq2seq.Seq2SeqOptions;
import dev.seqlab.attention.transformer.TransformerOptions;
import dev.seqlab.attention.transformer.TransformerSeq2Seq;
import dev.seqlab.rnn.cell.CellKind;
import dev.seqlab.rnn.classify.ClassifierOptions;
import dev.seqlab.rnn.classify.SequenceClassifier;
import dev.seqlab.rnn.lm.CharLanguageModel;
import dev.seqlab.rnn.lm.CharModelOptions;
import dev.seqlab.rnn.lm.CharVocabulary;
import dev.seqlab.rnn.onnx.RecurrentOnnxExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one ONNX file of every kind of model seqlab exports (char language models and
 * bidirectional two-layer sequence classifiers of each cell, the attention and Transformer
 * seq2seq models at the date models' sizes), untrained, seeded, for checks by other tools:
 * {@code bench/onnx-checker.sh} runs the ONNX project's own checker and strict shape inference
 * over them.
 *
 * <p>Usage: {@code ExportedModels OUT_DIR}
 */
public final class ExportedModels {

    private ExportedModels() {}

    /** Writes the files into the directory given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (CellKind k : CellKind.values()) {
            CharLanguageModel lm = CharLanguageModel.create(
                    CharVocabulary.of("hello world, seqlab!\n"),
                    CharModelOptions.defaults().withCell(k).withHidden(16),
                    3);
            RecurrentOnnxExport.writeCharModel(
                    lm, dir.resolve("char-" + k.name().toLowerCase() + ".onnx"));
            SequenceClassifier c = SequenceClassifier.create(
                    ClassifierOptions.defaults()
                            .withVocabulary(12)
                            .withEmbeddingDim(4)
                            .withCell(k)
                            .withHidden(5)
                            .withLayers(2)
                            .withBidirectional(true)
                            .withDropout(0.3f)
                            .withClasses(3),
                    21);
            RecurrentOnnxExport.writeClassifier(
                    c, dir.resolve("classifier-" + k.name().toLowerCase() + ".onnx"));
        }
        AttentionSeq2Seq attention = AttentionSeq2Seq.create(
                Seq2SeqOptions.defaults().withVocabularies(37, 11).withLengths(30, 10), 3);
        AttentionOnnxExport.write(attention, dir.resolve("seq2seq-attention.onnx"));
        TransformerSeq2Seq transformer = TransformerSeq2Seq.create(
                TransformerOptions.defaults().withVocabularies(37, 11).withLengths(30, 10), 3);
        TransformerOnnxExport.write(transformer, dir.resolve("seq2seq-transformer.onnx"));
    }
}
