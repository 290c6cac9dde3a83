package dev.seqlab.cli;

/**
 * Whether {@code --verbose} was given: errors then carry their stack trace and the slf4j
 * logging binding shows debug messages.
 */
public final class Verbosity {
    private static volatile boolean verbose;

    private Verbosity() {}

    static void set(boolean on) {
        verbose = on;
        if (on) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
    }

    /** True when the user asked for {@code --verbose}. */
    public static boolean isVerbose() {
        return verbose;
    }
}
