/**
 * How a {@link dev.seqlab.classify.TextClassifier} is trained:
 * {@link dev.seqlab.classify.options.ClassifyOptions} (a record built fluently from its defaults),
 * the {@link dev.seqlab.classify.options.Architecture} and the
 * {@link dev.seqlab.classify.options.ClassWeighting}.
 */
package dev.seqlab.classify.options;
