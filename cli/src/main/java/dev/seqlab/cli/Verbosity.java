package dev.seqlab.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether {@code --verbose} was given: errors then carry their stack trace, the slf4j logging
 * binding shows debug messages and Tribuo (which logs through java.util.logging) its progress
 * messages, otherwise only its warnings. Jetty (the explorer's server) logs its warnings only, and
 * its start-up lines with {@code --verbose}: its debug output is per request and per buffer. A
 * level given on the command line ({@code -Dorg.slf4j.simpleLogger.log.org.eclipse.jetty=…}) is kept.
 */
public final class Verbosity {
    /** Tribuo's loggers' parent, held so that the level set on it is kept. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    /** slf4j-simple's level for Jetty's loggers, read when each is first made. */
    private static final String JETTY_LEVEL = "org.slf4j.simpleLogger.log.org.eclipse.jetty";

    private static final boolean JETTY_LEVEL_GIVEN = System.getProperty(JETTY_LEVEL) != null;

    private static volatile boolean verbose;

    private Verbosity() {}

    /** The quiet default, before the options are read. */
    static void reset() {
        verbose = false;
        TRIBUO.setLevel(Level.WARNING);
        jettyLevel("warn");
    }

    static void set(boolean on) {
        verbose = on;
        if (on) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
            TRIBUO.setLevel(Level.INFO);
            jettyLevel("info");
        }
    }

    private static void jettyLevel(String level) {
        if (!JETTY_LEVEL_GIVEN) {
            System.setProperty(JETTY_LEVEL, level);
        }
    }

    /** True when the user asked for {@code --verbose}. */
    public static boolean isVerbose() {
        return verbose;
    }
}
