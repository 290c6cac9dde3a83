/**
 * Word-vector benchmarks against gensim: {@link dev.seqlab.bench.embeddings.WordVectorsSpeed}
 * (load, open and query times) and {@link dev.seqlab.bench.embeddings.GensimAgreement} (the same
 * queries answered by both, compared). Run through {@code bench/embeddings-vs-gensim.sh}.
 */
package dev.seqlab.bench.embeddings;
