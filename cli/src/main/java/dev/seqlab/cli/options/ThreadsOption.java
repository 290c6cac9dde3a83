package dev.seqlab.cli.options;

import picocli.CommandLine.Option;

/** {@code --threads} for commands that train on several threads (a picocli mixin). */
public final class ThreadsOption {

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Training threads (default: the number of processors).")
    Integer threads;

    /** {@code --threads}, or the number of processors when it was not given. */
    public int threads() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
