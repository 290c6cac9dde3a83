package dev.seqlab.attention.transformer;

import dev.seqlab.core.options.Checks;
import dev.seqlab.core.options.Withers;
import dev.seqlab.corpora.dates.DateVocabulary;

/**
 * The sizes of a {@link TransformerSeq2Seq}. The defaults are seqlab's date Transformer: the date
 * vocabularies and lengths, d_model 64, 4 heads, feed-forward 128, 2 layers. Written to
 * config.json through {@link dev.seqlab.core.options.OptionsJson} ({@code d_model}, …).
 *
 * @param inputVocabulary  input symbols (id 0 is padding)
 * @param outputVocabulary output symbols (a start symbol is added internally)
 * @param inputLength      Tx
 * @param outputLength     Ty
 * @param dModel           model width
 * @param heads            attention heads (dividing dModel)
 * @param ff               feed-forward width
 * @param layers           encoder layers and decoder layers (each)
 */
public record TransformerOptions(
        int inputVocabulary,
        int outputVocabulary,
        int inputLength,
        int outputLength,
        int dModel,
        int heads,
        int ff,
        int layers) {

    /** Validates with messages naming the offending value. */
    public TransformerOptions {
        Checks.atLeast("inputVocabulary", inputVocabulary, 2);
        Checks.atLeast("outputVocabulary", outputVocabulary, 2);
        Checks.atLeast("inputLength", inputLength, 1);
        Checks.atLeast("outputLength", outputLength, 1);
        Checks.atLeast("ff", ff, 1);
        Checks.atLeast("layers", layers, 1);
        if (heads < 1 || dModel < heads || dModel % heads != 0) {
            throw new IllegalArgumentException("d_model " + dModel + " must be a positive multiple of heads " + heads);
        }
    }

    /** seqlab's date Transformer (see the class comment). */
    public static TransformerOptions defaults() {
        return new TransformerOptions(
                DateVocabulary.inputSize(),
                DateVocabulary.outputSize(),
                DateVocabulary.INPUT_LENGTH,
                DateVocabulary.OUTPUT_LENGTH,
                64,
                4,
                128,
                2);
    }

    /** These options with other input and output vocabulary sizes. */
    public TransformerOptions withVocabularies(int input, int output) {
        return Withers.with(this, "inputVocabulary", input, "outputVocabulary", output);
    }

    /** These options with other sequence lengths Tx and Ty. */
    public TransformerOptions withLengths(int input, int output) {
        return Withers.with(this, "inputLength", input, "outputLength", output);
    }

    /** These options with another width and number of heads (checked together). */
    public TransformerOptions withWidth(int dModel, int heads) {
        return Withers.with(this, "dModel", dModel, "heads", heads);
    }

    /** These options with another feed-forward width. */
    public TransformerOptions withFf(int width) {
        return Withers.with(this, "ff", width);
    }

    /** These options with another number of layers. */
    public TransformerOptions withLayers(int n) {
        return Withers.with(this, "layers", n);
    }
}
