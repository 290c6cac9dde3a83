package dev.seqlab.explorer.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writing an answer: a whole body known in advance, sent with its length in one write (headers
 * and body leave together), never cached, never sniffed. The API's answers and every error, the
 * server's own included, are one line of JSON.
 */
final class Replies {
    static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {}

    /** Sends {@code body} with {@code status} and {@code type} (only the headers for HEAD), then completes {@code callback}. */
    static void send(Request request, Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (HttpMethod.HEAD.is(request.getMethod())) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    /** Sends {@code doc} as one line of JSON with status 200. */
    static void sendJson(Request request, Response response, Callback callback, Object doc) {
        send(request, response, callback, 200, JSON_TYPE, json(doc));
    }

    /** Sends {@code {"error": message, "suggestions": [...]}} (suggestions only when there are some) with {@code status}. */
    static void sendError(
            Request request,
            Response response,
            Callback callback,
            int status,
            String message,
            List<String> suggestions) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("error", message.replace('\r', ' ').replace('\n', ' '));
        if (!suggestions.isEmpty()) {
            doc.put("suggestions", suggestions);
        }
        send(request, response, callback, status, JSON_TYPE, json(doc));
    }

    private static byte[] json(Object doc) {
        try {
            // one line, then a newline
            return (JSON.writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
