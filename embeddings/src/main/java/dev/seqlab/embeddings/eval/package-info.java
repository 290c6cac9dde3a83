/**
 * Evaluation of word vectors on the standard sets, with gensim's definitions and figures:
 * analogy questions in the questions-words format ({@link dev.seqlab.embeddings.eval.AnalogyEvaluation},
 * gensim's {@code evaluate_word_analogies}) and word-pair similarity judgements
 * ({@link dev.seqlab.embeddings.eval.WordPairEvaluation}, gensim's {@code evaluate_word_pairs})
 * with Spearman and Pearson correlation ({@link dev.seqlab.embeddings.eval.Correlation}).
 * The evaluations take a {@link dev.seqlab.embeddings.WordVectors}; WordVectors does not know
 * them, so the two packages have no cycle.
 */
package dev.seqlab.embeddings.eval;
