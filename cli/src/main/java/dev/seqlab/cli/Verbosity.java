package dev.seqlab.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether {@code --verbose} was given: errors then carry their stack trace, the slf4j logging
 * binding shows debug messages and Tribuo (which logs through java.util.logging) its progress
 * messages, otherwise only its warnings.
 */
public final class Verbosity {
    /** Tribuo's loggers' parent, held so that the level set on it is kept. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private static volatile boolean verbose;

    private Verbosity() {}

    /** The quiet default, before the options are read. */
    static void reset() {
        verbose = false;
        TRIBUO.setLevel(Level.WARNING);
    }

    static void set(boolean on) {
        verbose = on;
        if (on) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
            TRIBUO.setLevel(Level.INFO);
        }
    }

    /** True when the user asked for {@code --verbose}. */
    public static boolean isVerbose() {
        return verbose;
    }
}
