/**
 * Word embeddings: {@code WordVectors} (load, save, query, evaluate, debias), the word2vec
 * and GloVe trainers, ONNX sentence encoders and Tribuo interop.
 */
package dev.seqlab.embeddings;
