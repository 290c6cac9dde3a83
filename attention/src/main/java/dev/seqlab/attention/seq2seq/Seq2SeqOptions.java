package dev.seqlab.attention.seq2seq;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;
import dev.seqlab.corpora.dates.DateVocabulary;

/**
 * The sizes of an {@link AttentionSeq2Seq}. The defaults are the course's date model: Tx 30,
 * Ty 10, n_a 32, n_s 64, attention units 10, the date vocabularies. Written to config.json
 * through {@link dev.seqlab.core.options.OptionsJson}, so the component names are the file's
 * field names ({@code input_vocabulary}, …).
 *
 * @param inputVocabulary  input symbols (id 0 is padding)
 * @param outputVocabulary output symbols
 * @param inputLength      Tx
 * @param outputLength     Ty
 * @param encoderHidden    n_a, per direction
 * @param decoderHidden    n_s
 * @param attentionUnits   width of the attention's hidden layer
 */
public record Seq2SeqOptions(
        int inputVocabulary,
        int outputVocabulary,
        int inputLength,
        int outputLength,
        int encoderHidden,
        int decoderHidden,
        int attentionUnits) {

    /** Validates with messages naming the offending value. */
    public Seq2SeqOptions {
        Checks.atLeast("inputVocabulary", inputVocabulary, 2);
        Checks.atLeast("outputVocabulary", outputVocabulary, 2);
        Checks.atLeast("inputLength", inputLength, 1);
        Checks.atLeast("outputLength", outputLength, 1);
        Checks.atLeast("encoderHidden", encoderHidden, 1);
        Checks.atLeast("decoderHidden", decoderHidden, 1);
        Checks.atLeast("attentionUnits", attentionUnits, 1);
    }

    /** The course's date model (see the class comment). */
    public static Seq2SeqOptions defaults() {
        return new Seq2SeqOptions(
                DateVocabulary.inputSize(),
                DateVocabulary.outputSize(),
                DateVocabulary.INPUT_LENGTH,
                DateVocabulary.OUTPUT_LENGTH,
                32,
                64,
                10);
    }

    /** These options with other input and output vocabulary sizes. */
    public Seq2SeqOptions withVocabularies(int input, int output) {
        return Withers.with(this, "inputVocabulary", input, "outputVocabulary", output);
    }

    /** These options with other sequence lengths Tx and Ty. */
    public Seq2SeqOptions withLengths(int input, int output) {
        return Withers.with(this, "inputLength", input, "outputLength", output);
    }

    /** These options with another encoder width n_a (per direction). */
    public Seq2SeqOptions withEncoderHidden(int n) {
        return Withers.with(this, "encoderHidden", n);
    }

    /** These options with another decoder width n_s. */
    public Seq2SeqOptions withDecoderHidden(int n) {
        return Withers.with(this, "decoderHidden", n);
    }

    /** These options with another attention hidden width. */
    public Seq2SeqOptions withAttentionUnits(int n) {
        return Withers.with(this, "attentionUnits", n);
    }
}
