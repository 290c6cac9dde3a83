package dev.seqlab.cli;

import dev.seqlab.cli.options.ShownDefaults;
import dev.seqlab.cli.progress.ConsoleProgress;
import dev.seqlab.core.progress.ProgressListener;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every seqlab subcommand: gives the command its output streams, JSON printing and a
 * progress bar, and leaves error handling to {@link Main}. Subclasses implement {@link #run()}
 * and throw {@link IllegalArgumentException} or {@link java.io.IOException} for bad input.
 */
public abstract class CliCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Does the command's work; returns the exit status (0 on success). */
    protected abstract int run() throws Exception;

    @Override
    public final Integer call() throws Exception {
        return run();
    }

    /** Standard output (captured by tests). */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error (captured by tests). */
    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints one JSON document for {@code value} (records, maps, lists, …) on {@link #out()}. */
    protected void printJson(Object value) {
        Json.print(out(), value);
    }

    /**
     * A progress listener that draws a bar with rate and ETA on stderr when it is a terminal,
     * prints a line every few seconds when it is not, and prints nothing when
     * {@code SEQLAB_PROGRESS=off}.
     */
    protected ProgressListener progress() {
        return ConsoleProgress.forStderr(err());
    }

    /**
     * The defaults its {@code --help} shows as {@code ${bundle:default.NAME}}, read from its
     * options records (none by default).
     */
    protected ShownDefaults shownDefaults() {
        return ShownDefaults.none();
    }

    /**
     * Work the command can begin as soon as it is known to run, before its options are parsed
     * (warming up a kernel on an idle core, say), given the whole command line; called at most
     * once, and a no-op by default. Only a hint: the options are parsed and checked later as usual.
     */
    public void startEarly(List<String> args) {}

    /** This command's picocli model. */
    protected CommandSpec spec() {
        return spec;
    }
}
