package dev.seqlab.attention.seq2seq;

/**
 * The sizes of an {@link AttentionSeq2Seq} (the course's date model: Tx 30, Ty 10, n_a 32, n_s 64,
 * attention units 10, 11 output symbols).
 *
 * @param inputVocabulary  input symbols (id 0 is padding)
 * @param outputVocabulary output symbols
 * @param inputLength      Tx
 * @param outputLength     Ty
 * @param encoderHidden    n_a, per direction
 * @param decoderHidden    n_s
 * @param attentionUnits   width of the attention's hidden layer
 */
public record Seq2SeqOptions(int inputVocabulary, int outputVocabulary, int inputLength, int outputLength,
                             int encoderHidden, int decoderHidden, int attentionUnits) {

    /** Validates with messages naming the offending value. */
    public Seq2SeqOptions {
        if (inputVocabulary < 2 || outputVocabulary < 2) {
            throw new IllegalArgumentException("vocabularies need at least 2 symbols, got " + inputVocabulary + " and " + outputVocabulary);
        }
        if (inputLength < 1 || outputLength < 1 || encoderHidden < 1 || decoderHidden < 1 || attentionUnits < 1) {
            throw new IllegalArgumentException("lengths and sizes must be positive");
        }
    }
}
