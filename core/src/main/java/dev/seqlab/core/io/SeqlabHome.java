package dev.seqlab.core.io;

import java.nio.file.Path;

/**
 * Where seqlab caches what it trains or generates on first use (default models, benchmark data):
 * the system property {@code seqlab.home} when set (tests use it), else {@code $SEQLAB_HOME},
 * else {@code ~/.cache/seqlab}. Nothing is created until needed.
 */
public final class SeqlabHome {

    private SeqlabHome() {}

    /** The cache directory (not necessarily existing yet). */
    public static Path dir() {
        String prop = System.getProperty("seqlab.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath();
        }
        String env = System.getenv("SEQLAB_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "seqlab");
    }

    /** A path inside the cache directory. */
    public static Path resolve(String first, String... more) {
        return dir().resolve(Path.of(first, more));
    }
}
