/**
 * The explorer's HTTP side, on the JDK's own {@code com.sun.net.httpserver}.
 *
 * <p>Why that server: the explorer is a local tool answering one person's page (and a load test of
 * 50 clients), its requests are small GETs and its answers small JSON documents; the JDK server
 * does that with no dependency, no native code and nothing to keep up to date, and its thread
 * pool is ours to size. Jetty or Javalin would add some megabytes and a release train for features
 * (HTTP/2, WebSockets, servlets) the page does not use; t-SNE progress is polled, not pushed. The
 * time of a request is the vector search, not the server: {@code ExplorerBench latency} in the bench
 * module reports the server-side time and the loopback round trip side by side, and {@code
 * ExplorerBench load} the latency under 50 concurrent clients.
 *
 * <p>Safety: only GET; the query string is bounded; static files are a fixed list of resources
 * read from the jar at start-up and looked up by exact name, so no part of a request ever becomes
 * a file path; every error is a 4xx (or 5xx) status with a one-line JSON body.
 */
package dev.seqlab.explorer.server;
