package dev.seqlab.explorer.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.explorer.ExplorerOptions;
import dev.seqlab.explorer.api.ApiException;
import dev.seqlab.explorer.api.ExplorerApi;
import dev.seqlab.explorer.api.Params;
import dev.seqlab.sentences.SentenceEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running explorer: the page at {@code /}, the API at {@code /api/NAME?…}. Closing it stops
 * listening and ends its threads.
 */
public final class ExplorerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExplorerServer.class);
    private static final String API = "/api/";
    private static final String HEAD_LIMIT_PROPERTY = "sun.net.httpserver.maxReqHeaderSize";
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The page loads nothing from elsewhere: no CDN, no network. */
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'";

    private final HttpServer http;
    private final ExecutorService pool;
    private final ExplorerApi api;
    private final StaticAssets assets = new StaticAssets();
    private final ExplorerOptions options;

    private ExplorerServer(HttpServer http, ExecutorService pool, ExplorerApi api, ExplorerOptions options) {
        this.http = http;
        this.pool = pool;
        this.api = api;
        this.options = options;
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
        tuneTheJdkServer();
        HttpServer http =
                HttpServer.create(new InetSocketAddress(InetAddress.getByName(options.bind()), options.port()), 256);
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "seqlab-explorer-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ExplorerServer server = new ExplorerServer(http, pool, api, options);
        http.createContext("/", server::handle);
        http.setExecutor(pool);
        http.start();
        LOG.info("explorer listening on {}", server.url());
        return server;
    }

    /**
     * Two settings of the JDK server, read once when the JVM's first JDK HTTP server starts (and
     * left alone when given on the command line). The server drops a request whose head is over
     * 384 kB by resetting the connection, before any handler sees it, so a client that sends a
     * 100,000-word list would get no answer at all: raised to 4 MB so that such requests reach
     * {@link Params#parse} and get a 414 with a JSON error. And it leaves Nagle's algorithm on, so
     * each answer (headers and body written separately) waits for the client's delayed ACK, about
     * 40 ms on Linux loopback (measured: 5 ms server-side, 56 ms round trip): TCP_NODELAY on.
     */
    private static void tuneTheJdkServer() {
        if (System.getProperty(HEAD_LIMIT_PROPERTY) == null) {
            System.setProperty(HEAD_LIMIT_PROPERTY, Integer.toString(4 << 20));
        }
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + a.getPort() + "/";
    }

    /** The port listened on. */
    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try {
                if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                    ex.getResponseHeaders().set("Allow", "GET, HEAD");
                    throw new ApiException(405, "only GET is served, got " + ex.getRequestMethod());
                }
                String path = ex.getRequestURI().getRawPath();
                if (path != null && path.startsWith(API)) {
                    Params params = Params.parse(ex.getRequestURI().getRawQuery(), options);
                    Object doc = api.answer(path.substring(API.length()), params);
                    send(ex, 200, "application/json; charset=utf-8", json(doc));
                    return;
                }
                StaticAssets.Asset a = assets.get(path);
                if (a == null) {
                    throw new ApiException(404, "not found");
                }
                ex.getResponseHeaders().set("Content-Security-Policy", CSP);
                send(ex, 200, a.contentType(), a.bytes());
            } catch (ApiException e) {
                sendError(ex, e.status(), e.getMessage(), e.suggestions());
            } catch (RuntimeException e) {
                LOG.warn("request {} failed", ex.getRequestURI(), e);
                sendError(ex, 500, "internal error: " + e, List.of());
            }
        }
    }

    private static void sendError(HttpExchange ex, int status, String message, List<String> suggestions)
            throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("error", message.replace('\n', ' '));
        if (!suggestions.isEmpty()) {
            doc.put("suggestions", suggestions);
        }
        send(ex, status, "application/json; charset=utf-8", json(doc));
    }

    private static byte[] json(Object doc) {
        try {
            // one line, then a newline
            return (JSON.writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops listening (requests in progress get a second to finish) and ends the threads. */
    @Override
    public void close() {
        http.stop(1);
        pool.shutdownNow();
        api.close();
    }
}
