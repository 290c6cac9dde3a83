package dev.seqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs the {@code seqlab} command line in-process for tests, capturing its output.
 *
 * @param code the exit status
 * @param out  what it printed on stdout
 * @param err  what it printed on stderr
 */
public record CliRun(int code, String out, String err) {

    /** Runs {@code seqlab args…}. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Asserts that {@code r} was refused as bad input: exit status 2, one line on stderr containing
     * {@code expected}, nothing on stdout.
     */
    public static void assertOneLineExit2(CliRun r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), "'" + expected + "' in: " + r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }
}
