package dev.seqlab.cli;

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
}
