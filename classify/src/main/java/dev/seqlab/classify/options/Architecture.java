package dev.seqlab.classify.options;

/** The model a {@link dev.seqlab.classify.TextClassifier} trains. */
public enum Architecture {
    /** The average of the sentence's known word vectors into a linear softmax (Tribuo, SGD logistic regression). */
    AVERAGE,
    /** The sentence's word vectors through an LSTM; its last state into a softmax. */
    LSTM,
    /** As {@link #LSTM}, reading the sentence both ways. */
    BILSTM
}
