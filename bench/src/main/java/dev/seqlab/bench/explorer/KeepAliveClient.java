package dev.seqlab.bench.explorer;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A lean HTTP/1.1 client for the load test: one keep-alive connection over a plain socket, one
 * {@code GET} at a time, the whole answer read (by {@code Content-Length} or chunked) before the
 * next request. The JDK's {@code java.net.http.HttpClient} costs about a millisecond of CPU a
 * request (measured on loopback against a trivial endpoint: 1.15 ms of CPU per request with it,
 * 0.11 ms with this client, server included), so with client and server on the same two cores
 * it, not the server, set the load test's ceiling. Not thread-safe: one per client thread.
 */
final class KeepAliveClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] host;
    private final StringBuilder line = new StringBuilder();

    /** Connects to {@code 127.0.0.1:port} (TCP_NODELAY, as a browser does). */
    KeepAliveClient(String hostAddress, int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(hostAddress, port), 5000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        out = socket.getOutputStream();
        host = ("Host: " + hostAddress + ":" + port + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Sends {@code GET target} and reads the whole answer.
     *
     * @param target the request target, e.g. {@code /api/similar?word=king}, already URL-encoded
     * @return the status code
     * @throws IOException if the connection fails or the answer is not HTTP/1.1 as expected
     */
    int get(String target) throws IOException {
        byte[] start = ("GET " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[start.length + host.length + 2];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(host, 0, request, start.length, host.length);
        request[request.length - 2] = '\r';
        request[request.length - 1] = '\n';
        out.write(request);
        out.flush();
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = readLine(); !h.isEmpty(); h = readLine()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(
                        lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            skip(length);
        } else {
            throw new IOException("answer without a length");
        }
        if (close) {
            throw new IOException("the server closed the keep-alive connection");
        }
        return code;
    }

    private long chunkSize() throws IOException {
        String s = readLine();
        int semi = s.indexOf(';');
        return Long.parseLong((semi < 0 ? s : s.substring(0, semi)).trim(), 16);
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed in an answer's body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String readLine() throws IOException {
        line.setLength(0);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed in an answer's head");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
