/**
 * GloVe as a Spark job: the windowed co-occurrence counts (the part that needs a cluster) are
 * made by Spark, then trained on one node with seqlab's GloVe
 * ({@link dev.seqlab.embeddings.glove.GloVeFromCooccurrences}).
 */
package dev.seqlab.spark.glove;
