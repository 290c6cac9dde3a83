/**
 * The explorer's HTTP side, on Jetty 12's core API (no servlets).
 *
 * <p>Why Jetty: every bad request must get a 4xx with a one-line JSON error, and some requests are
 * refused by the server before any handler runs: a request line that does not parse, a path that
 * climbs above the root or hides an encoded separator, a head over the size limit, a missing Host.
 * The JDK's {@code com.sun.net.httpserver} answers those with its own HTML page (a query with a bad
 * percent escape such as {@code %ZZ} was one: it parses the target as a {@code java.net.URI} and
 * offers no hook), while Jetty hands every error it produces itself to the server's error handler,
 * {@link dev.seqlab.explorer.server.JsonErrors}, which writes the same JSON as the API. Jetty's
 * core API is small (a handler is one method over a request, a response and a callback), its
 * thread pool is ours to size, and its parser leaves the raw query to the API, which decodes and
 * checks its own parameters. It costs about 2.3 MB of jars (jetty-server, -http, -io, -util) and is
 * loaded only by {@code seqlab embeddings serve}. The time of a request is the vector search, not the
 * server: {@code ExplorerBench latency} in the bench module reports the server-side time and the
 * loopback round trip side by side, and {@code ExplorerBench load} the latency under 50 concurrent
 * clients.
 *
 * <p>Safety: only GET and HEAD; the query string is bounded; static files are a fixed list of
 * resources read from the jar at start-up and looked up by exact path, so no part of a request
 * ever becomes a file path; every error, the server's own included, is a 4xx (or 5xx) status with
 * a one-line JSON body.
 */
package dev.seqlab.explorer.server;
