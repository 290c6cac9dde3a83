/**
 * The explorer's JSON API: each endpoint turns query parameters into one document. Word queries
 * answer with the shapes of {@link dev.seqlab.embeddings.answers.AnswerDocuments}, the same as the
 * command line's {@code --json}; every parameter is checked against {@link
 * dev.seqlab.explorer.ExplorerOptions}' limits before any work, and a bad one is an {@link
 * ApiException} with a 4xx status. Nothing here touches files: requests only name words.
 */
package dev.seqlab.explorer.api;
