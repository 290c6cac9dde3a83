/**
 * Training fastText's unsupervised subword model: {@link
 * dev.seqlab.embeddings.fasttext.train.FastText} trains skip-gram or CBOW over words and their
 * hashed character n-grams with the options of {@link
 * dev.seqlab.embeddings.fasttext.train.FastTextOptions} and returns a {@link
 * dev.seqlab.embeddings.fasttext.FastTextModel}, the model the fastText tool would write. It runs
 * on word2vec's shared pieces: the encoded corpus streamed in jobs ({@link
 * dev.seqlab.embeddings.word2vec.TrainingRun}), the negative-sampling step and table, subsampling
 * and the SIMD kernels.
 */
package dev.seqlab.embeddings.fasttext.train;
