package dev.seqlab.explorer.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client over a socket that sends the request target exactly as given (no
 * normalising, no escaping), for malformed and hostile requests.
 */
final class RawHttp {

    /** A response: status, the value of its Content-Type header (null without one) and body. */
    record Response(int status, String contentType, String body) {}

    private RawHttp() {}

    static Response request(int port, String method, String target) throws IOException {
        return send(port, method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    /** Sends {@code head} as it is (request line, headers and the blank line, or anything else) and reads the answer. */
    static Response send(int port, String head) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(all.substring(9, 12));
            int split = all.indexOf("\r\n\r\n");
            String contentType = null;
            for (String line :
                    all.substring(0, split < 0 ? all.length() : split).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).trim();
                }
            }
            return new Response(status, contentType, split < 0 ? "" : all.substring(split + 4));
        }
    }
}
