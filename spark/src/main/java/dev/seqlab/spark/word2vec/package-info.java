/**
 * word2vec as a Spark job: the vocabulary counted by Spark, the corpus encoded once and cached
 * in the executors, then rounds in which every partition trains its share with seqlab's own
 * word2vec workers and kernels ({@link dev.seqlab.embeddings.word2vec.Word2VecShard}) and the
 * driver merges the partitions' changes ({@link dev.seqlab.spark.word2vec.Synchronisation}).
 */
package dev.seqlab.spark.word2vec;
