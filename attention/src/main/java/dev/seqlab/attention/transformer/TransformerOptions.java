package dev.seqlab.attention.transformer;

/**
 * The sizes of a {@link TransformerSeq2Seq}.
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
public record TransformerOptions(int inputVocabulary, int outputVocabulary, int inputLength, int outputLength,
                                 int dModel, int heads, int ff, int layers) {

    /** Validates with messages naming the offending value. */
    public TransformerOptions {
        if (inputVocabulary < 2 || outputVocabulary < 2 || inputLength < 1 || outputLength < 1 || ff < 1 || layers < 1) {
            throw new IllegalArgumentException("vocabularies, lengths, feed-forward width and layers must be positive");
        }
        if (heads < 1 || dModel < heads || dModel % heads != 0) {
            throw new IllegalArgumentException("d_model " + dModel + " must be a positive multiple of heads " + heads);
        }
    }
}
