package dev.seqlab.cli.options;

import picocli.CommandLine.Option;

/**
 * {@code --epochs} (alias {@code --iter}, as the word2vec and GloVe tools call it) and
 * {@code --seed} for every command that trains (a picocli mixin). Each is null unless given; the
 * command shows its record's defaults as {@code default.epochs} and {@code default.seed}.
 */
public final class TrainingOptions {

    @Option(
            names = {"--epochs", "--iter"},
            paramLabel = "N",
            description = "Passes over the training data (default: ${bundle:default.epochs}).")
    Integer epochs;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description =
                    "Seed for every random choice (default: ${bundle:default.seed}); the same seed on one thread gives the same result.")
    Long seed;

    /** {@code --epochs}, or null when not given. */
    public Integer epochs() {
        return epochs;
    }

    /** {@code --seed}, or null when not given. */
    public Long seed() {
        return seed;
    }
}
