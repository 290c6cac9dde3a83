/**
 * The interactive word-vector shell behind {@code seqlab embeddings shell}: a parser for the typed
 * queries ({@link dev.seqlab.embeddings.shell.QueryParser} →
 * {@link dev.seqlab.embeddings.shell.Query}), spelling suggestions for unknown words
 * ({@link dev.seqlab.embeddings.shell.Suggestions}) and the read–answer loop.
 */
package dev.seqlab.embeddings.shell;
