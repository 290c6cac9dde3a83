package dev.seqlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code seqlab} command: prints help when called without a subcommand. */
@Command(
        name = "seqlab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Sequence models and word embeddings: word vectors, word2vec and GloVe,",
            "RNN/GRU/LSTM language models, attention, and the generators built from them.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab info                 kernels, threads and cache in use here",
            "  seqlab COMMAND --help       options and an example for one command",
            "",
            "Exit status: 0 success, 1 failure while working, 2 bad usage or bad input.",
            "Add --verbose to any command for a stack trace on errors."
        })
public final class SeqlabCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(
            names = "--verbose",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show stack traces and debug logging.")
    void setVerbose(boolean verbose) {
        Verbosity.set(verbose);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
