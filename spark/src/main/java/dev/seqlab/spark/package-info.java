/**
 * seqlab's trainers and encoders as Apache Spark jobs, for corpora and sentence collections no
 * single machine holds: word2vec ({@link dev.seqlab.spark.word2vec}), GloVe
 * ({@link dev.seqlab.spark.glove}) and sentence embeddings ({@link dev.seqlab.spark.sentences}),
 * and {@link dev.seqlab.spark.SparkMain}, the {@code spark-submit} entry point. Spark itself is
 * provided by the cluster.
 */
package dev.seqlab.spark;
