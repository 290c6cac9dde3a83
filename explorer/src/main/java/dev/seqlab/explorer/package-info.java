/**
 * The embedding explorer: a local web page and a small JSON API over one set of word vectors.
 * {@link dev.seqlab.explorer.server.ExplorerServer#start} serves them; {@code api} answers the queries (the same
 * documents as the command line's {@code --json}), {@code server} is the HTTP side (Jetty's core
 * API, every error a one-line JSON document, static assets from the jar), {@code tsne} the Barnes–Hut t-SNE
 * the maps are drawn with.
 */
package dev.seqlab.explorer;
