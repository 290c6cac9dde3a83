/**
 * {@code seqlab sentences}: sentence-embedding commands ({@code similar}: rank sentences by
 * meaning against a query), built on {@code dev.seqlab.sentences.SentenceEncoder}.
 */
package dev.seqlab.cli.sentences;
