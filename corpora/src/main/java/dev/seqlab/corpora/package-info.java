/**
 * Text in: streaming corpus readers, tokenisation, vocabularies, batching, evaluation-set
 * readers, and the data sets seqlab writes or generates itself (dinosaur names, date pairs,
 * jazz phrases).
 */
package dev.seqlab.corpora;
