package dev.seqlab.cli;

import dev.seqlab.cli.options.ShownDefaults;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Entry point of the {@code seqlab} command. Builds the picocli command tree from
 * {@link CommandRegistry}, applies the error conventions of {@link ErrorHandler} and exits with
 * 0 (success), 1 (failure while working) or 2 (bad usage or bad input).
 */
public final class Main {

    private Main() {}

    /** Runs the command line and exits the JVM with its status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line with the given streams and returns the exit status, without
     * exiting. This is what tests call.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Verbosity.reset();
        return commandLine(out, err, CommandRegistry.commandsFor(args)).execute(args);
    }

    /** The configured command tree writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, CommandRegistry.topLevelCommands());
    }

    /** The command tree with the given top-level subcommands (tests add their own). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, List<Object> subcommands) {
        CommandLine cl = new CommandLine(new SeqlabCommand());
        for (Object sub : subcommands) {
            cl.addSubcommand(sub);
        }
        ErrorHandler handler = new ErrorHandler();
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setAbbreviatedOptionsAllowed(false);
        cl.setParameterExceptionHandler(handler);
        cl.setExecutionExceptionHandler(handler);
        cl.setExitCodeExceptionMapper(handler);
        ShownDefaults.install(cl, command -> command instanceof CliCommand c ? c.shownDefaults() : null);
        return cl;
    }
}
