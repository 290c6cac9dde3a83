package dev.seqlab.cli.training;

import picocli.CommandLine.Option;

/**
 * {@code --min-count}: how often a word must occur for a trainer to learn it (a picocli mixin).
 * Null unless given; the command shows its record's default as {@code default.minCount}.
 */
public final class MinCountOption {

    @Option(
            names = "--min-count",
            paramLabel = "N",
            description = "Ignore words seen fewer times (default: ${bundle:default.minCount}).")
    Integer minCount;

    /** {@code --min-count}, or null when not given. */
    public Integer given() {
        return minCount;
    }
}
