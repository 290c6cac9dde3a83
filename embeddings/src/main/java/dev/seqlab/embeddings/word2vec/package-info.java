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
 * {@code jdk.incubator.vector}. Negative sampling is mini-batched (Ji et al. 2016): a skip-gram
 * window's context words, or four consecutive CBOW centres, share one draw of noise words, and
 * the step is a pair of small matrix products on
 * {@link dev.seqlab.embeddings.word2vec.WindowKernel}. With
 * {@link dev.seqlab.embeddings.word2vec.Word2VecOptions#deterministic()} the threads train
 * replicas merged in a fixed order instead, so several threads give the same bytes every run.
 */
package dev.seqlab.embeddings.word2vec;
