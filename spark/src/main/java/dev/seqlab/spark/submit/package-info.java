/**
 * The {@code spark-submit} entry point ({@link dev.seqlab.spark.submit.SparkMain}): the Spark
 * jobs as commands, with seqlab's command-line conventions (one-line errors, exit 2 for bad input).
 */
package dev.seqlab.spark.submit;
