/**
 * Looking at word vectors: the two TSV files the TensorFlow Embedding Projector loads
 * ({@link dev.seqlab.embeddings.projector.ProjectorExport}) and a labelled 2-D PCA scatter plot
 * of chosen words as a PNG ({@link dev.seqlab.embeddings.projector.WordScatterPlot}).
 */
package dev.seqlab.embeddings.projector;
