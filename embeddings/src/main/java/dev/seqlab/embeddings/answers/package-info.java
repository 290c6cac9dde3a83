/**
 * The JSON shapes of query answers (neighbours, analogies, the odd one out, similarity, bias
 * projections) as ordered maps, shared by the command line's {@code --json} output and the
 * explorer's web API so that both give the same documents for the same question.
 */
package dev.seqlab.embeddings.answers;
