/**
 * word2vec training (Mikolov et al. 2013): {@link dev.seqlab.embeddings.word2vec.Word2Vec} trains
 * skip-gram or CBOW vectors from a {@link dev.seqlab.corpora.text.Corpus} with the options of
 * {@link dev.seqlab.embeddings.word2vec.Word2VecOptions}, using negative sampling
 * ({@link dev.seqlab.embeddings.word2vec.NegativeSamplingTable}) and/or hierarchical softmax
 * ({@link dev.seqlab.embeddings.word2vec.HuffmanTree}), frequent-word subsampling
 * ({@link dev.seqlab.embeddings.word2vec.Subsampling}), dynamic windows, linearly decaying
 * learning rate and lock-free ("Hogwild") updates from several threads, as the original C tool
 * and gensim do.
 *
 * <p>The corpus is streamed: one reader thread turns sentences into word ids in jobs of about
 * 10,000 words, which the training threads take from a bounded queue. The inner loops (dot
 * products and fused updates over the vector dimension) run on
 * {@link dev.seqlab.embeddings.word2vec.Word2VecKernel}, SIMD when the JVM has
 * {@code jdk.incubator.vector}.
 */
package dev.seqlab.embeddings.word2vec;
