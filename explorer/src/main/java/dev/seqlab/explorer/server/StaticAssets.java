package dev.seqlab.explorer.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page's files, read once from the jar ({@code dev/seqlab/explorer/static/}) into memory and
 * served by exact path: {@code /} is the page; nothing else on disk or in the jar is reachable.
 */
final class StaticAssets {
    private static final String DIR = "/dev/seqlab/explorer/static/";

    /** A file to serve: its bytes and content type. */
    record Asset(byte[] bytes, String contentType) {}

    private final Map<String, Asset> assets;

    StaticAssets() {
        assets = Map.of(
                "/", load("index.html", "text/html; charset=utf-8"),
                "/index.html", load("index.html", "text/html; charset=utf-8"),
                "/app.js", load("app.js", "text/javascript; charset=utf-8"),
                "/app.css", load("app.css", "text/css; charset=utf-8"),
                "/favicon.svg", load("favicon.svg", "image/svg+xml"));
    }

    /** The asset at exactly {@code path}, or null. */
    Asset get(String path) {
        return assets.get(path);
    }

    private static Asset load(String name, String type) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("the explorer's " + name + " is missing from the jar");
            }
            return new Asset(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
