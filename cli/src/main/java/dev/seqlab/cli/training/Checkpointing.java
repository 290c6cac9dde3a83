package dev.seqlab.cli.training;

import dev.seqlab.core.checkpoint.TrainingStoppedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Stopping and resuming a trainer (a picocli mixin): {@code --resume}, the checkpoint's place
 * next to the output ({@code OUT.checkpoint}), and what to tell the user when a signal stopped
 * the run.
 */
public final class Checkpointing {
    /** The exit status of a run stopped by a signal (128 + SIGINT, as shells report Ctrl-C). */
    public static final int STOPPED = 130;

    @Option(
            names = "--resume",
            description =
                    "Continue a run stopped by Ctrl-C or SIGTERM from its checkpoint (OUT.checkpoint), with the same options.")
    boolean resume;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** A trainer's run: fresh (writing {@code checkpoint} if stopped) or resumed from {@code checkpoint}. */
    @FunctionalInterface
    public interface Run<R> {
        /** Trains until done or until {@code stopRequested} is true (then throwing). */
        R run(BooleanSupplier stopRequested, Path checkpoint) throws IOException, TrainingStoppedException;
    }

    /** Writes what a finished run produced (the command's output: vectors, a model directory, …). */
    @FunctionalInterface
    public interface Save<R> {
        /** Writes the output of {@code result}. */
        void save(R result) throws IOException;
    }

    /**
     * Runs {@code fresh}, or with {@code --resume} {@code resumed} from the checkpoint beside
     * {@code out}, with SIGINT/SIGTERM turned into its stop request; once it has finished, writes
     * its output with {@code save} and only then deletes the checkpoint (a failed save leaves it to
     * resume from). When a signal stopped it, tells the user how to continue and returns empty (the
     * command then exits {@link #STOPPED}).
     */
    public <R> Optional<R> train(Path out, Run<R> fresh, Run<R> resumed, Save<R> save) throws IOException {
        PrintWriter err = command.commandLine().getErr();
        Optional<R> done;
        try (StopOnSignal stop = StopOnSignal.install(err)) {
            done = Optional.of(
                    resume
                            ? resumed.run(stop.stopRequested(), existingCheckpoint(out))
                            : fresh.run(stop.stopRequested(), checkpointFor(out)));
        } catch (TrainingStoppedException e) {
            stopped(
                    e,
                    err,
                    command.root().name(),
                    command.root().commandLine().getParseResult().originalArgs());
            return Optional.empty();
        }
        save.save(done.get());
        finished(out);
        return done;
    }

    /** Whether to resume. */
    public boolean resume() {
        return resume;
    }

    /** Where the checkpoint of a run writing {@code out} lives: {@code OUT.checkpoint} beside it. */
    public static Path checkpointFor(Path out) {
        return out.toAbsolutePath().resolveSibling(out.getFileName() + ".checkpoint");
    }

    /**
     * The checkpoint to resume from.
     *
     * @throws IllegalArgumentException if there is none (bad usage of --resume), saying where it was looked for
     */
    public Path existingCheckpoint(Path out) {
        Path c = checkpointFor(out);
        if (!Files.isRegularFile(c)) {
            throw new IllegalArgumentException("--resume: no checkpoint to resume from at " + c
                    + " (a run stopped by Ctrl-C or SIGTERM leaves one)");
        }
        return c;
    }

    /** Deletes the checkpoint once the output it led to is written. */
    private static void finished(Path out) throws IOException {
        Files.deleteIfExists(checkpointFor(out));
    }

    /** Tells the user the run stopped, where its work is, and {@code command args… --resume}, which continues it. */
    private static void stopped(TrainingStoppedException e, PrintWriter err, String command, List<String> args) {
        StringBuilder again = new StringBuilder(command);
        for (String a : args) {
            again.append(' ').append(a.matches("[\\w@%+=:,./-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        if (!args.contains("--resume")) {
            again.append(" --resume");
        }
        err.println("seqlab: " + e.getMessage() + "; the output was not touched.");
        err.println("seqlab: to continue: " + again);
        err.flush();
    }
}
