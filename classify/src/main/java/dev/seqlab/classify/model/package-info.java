/**
 * The two classifier families behind {@link dev.seqlab.classify.TextClassifier}:
 * {@link dev.seqlab.classify.model.AverageModel} (averaged word vectors into Tribuo's linear SGD
 * logistic regression) and {@link dev.seqlab.classify.model.RecurrentModel} (word vectors through
 * seqlab's recurrent {@code SequenceClassifier}, trained with core's training loop), with the
 * tokenisation, class weights and unknown-word counts they share.
 */
package dev.seqlab.classify.model;
