/**
 * Corpora as Spark data: lines tokenised into sentences by seqlab's tokenizers, and the
 * vocabulary counted as a Spark job.
 */
package dev.seqlab.spark.text;
