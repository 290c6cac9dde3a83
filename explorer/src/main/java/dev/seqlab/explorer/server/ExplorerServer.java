package dev.seqlab.explorer.server;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.explorer.ExplorerOptions;
import dev.seqlab.explorer.api.ExplorerApi;
import dev.seqlab.explorer.api.Params;
import dev.seqlab.sentences.SentenceEncoder;
import java.io.IOException;
import java.net.InetAddress;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running explorer: the page at {@code /}, the API at {@code /api/NAME?…}, on Jetty. Closing
 * it stops listening and ends its threads.
 */
public final class ExplorerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExplorerServer.class);
    /**
     * The longest request head read. Above {@link ExplorerOptions#maxQueryBytes()} on purpose: a
     * request with a 100,000-word list (about 1 MB of query) is read whole, reaches {@link
     * Params#parse} and gets its 414 with the API's message; a head over this limit gets Jetty's
     * 414 or 431, through {@link JsonErrors} too. Jetty reads heads into its usual small buffers
     * and only counts against this limit, so it costs nothing for ordinary requests.
     */
    private static final int HEAD_LIMIT = 4 << 20;
    /** Jetty's threads that are not request threads: one acceptor and one selector (two cores). */
    private static final int ACCEPTORS = 1;

    private static final int SELECTORS = 1;
    /** Threads kept beyond the request threads, for Jetty's reserved-thread hand-offs. */
    private static final int SPARE_THREADS = 2;

    private final Server jetty;
    private final ServerConnector connector;
    private final ExplorerApi api;

    private ExplorerServer(Server jetty, ServerConnector connector, ExplorerApi api) {
        this.jetty = jetty;
        this.connector = connector;
        this.api = api;
    }

    /**
     * Serves the page and the API over {@code vectors} until the returned server is closed.
     *
     * <pre>{@code
     * try (ExplorerServer s = ExplorerServer.start(wv, null, ExplorerOptions.defaults().withPort(0))) {
     *     System.out.println(s.url());   // http://127.0.0.1:PORT/
     * }
     * }</pre>
     *
     * @param vectors   the words to explore (their search index is built before this returns)
     * @param sentences an encoder for sentence similarity, or null to leave that view out (not closed by the server)
     * @throws IOException if the address cannot be bound
     */
    public static ExplorerServer start(WordVectors vectors, SentenceEncoder sentences, ExplorerOptions options)
            throws IOException {
        vectors.prepareQueries();
        return start(new ExplorerApi(vectors, sentences, options), options);
    }

    /**
     * Listens on {@code options.bind():options.port()} and serves {@code api}.
     *
     * @throws IOException if the address cannot be bound (in use, not local)
     */
    public static ExplorerServer start(ExplorerApi api, ExplorerOptions options) throws IOException {
        QueuedThreadPool pool = new QueuedThreadPool(options.threads() + ACCEPTORS + SELECTORS + SPARE_THREADS);
        pool.setName("seqlab-explorer");
        pool.setDaemon(true);
        Server jetty = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(HEAD_LIMIT);
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, ACCEPTORS, SELECTORS, new HttpConnectionFactory(http));
        connector.setHost(InetAddress.getByName(options.bind()).getHostAddress());
        connector.setPort(options.port());
        connector.setAcceptQueueSize(256);
        jetty.addConnector(connector);
        GracefulHandler graceful = new GracefulHandler(new ExplorerHandler(api, options));
        jetty.setHandler(graceful);
        jetty.setErrorHandler(new JsonErrors(HEAD_LIMIT));
        jetty.setStopTimeout(1000);
        try {
            jetty.start();
        } catch (IOException e) {
            stopQuietly(jetty);
            throw e;
        } catch (Exception e) {
            stopQuietly(jetty);
            throw new IOException(
                    "cannot start the explorer on " + options.bind() + ":" + options.port() + ": " + e, e);
        }
        ExplorerServer server = new ExplorerServer(jetty, connector, api);
        LOG.info("explorer listening on {}", server.url());
        return server;
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        String host = connector.getHost();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port() + "/";
    }

    /** The port listened on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops listening (requests in progress get a second to finish) and ends the threads. */
    @Override
    public void close() {
        stopQuietly(jetty);
        api.close();
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("the explorer's server did not stop cleanly", e);
        }
    }
}
