/**
 * Many-to-one sequence classification ({@link dev.seqlab.rnn.classify.SequenceClassifier}):
 * token ids → embeddings (trainable, or pretrained word vectors, optionally frozen) → recurrent
 * stack → the last state of each sequence → softmax over classes. The course's "Emojify v2".
 */
package dev.seqlab.rnn.classify;
