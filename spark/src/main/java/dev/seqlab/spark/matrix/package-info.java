/**
 * Matrices of word vectors addressed by long row numbers, held in blocks of whole rows so that
 * vocabulary × dimension may exceed the 2^31 elements of one Java array.
 */
package dev.seqlab.spark.matrix;
