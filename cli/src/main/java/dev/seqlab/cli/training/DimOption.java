package dev.seqlab.cli.training;

import picocli.CommandLine.Option;

/**
 * {@code --dim}: the dimension of the vectors a trainer learns (a picocli mixin). Null unless
 * given; the command shows its record's default as {@code default.dim}.
 */
public final class DimOption {

    @Option(names = "--dim", paramLabel = "N", description = "Vector dimension (default: ${bundle:default.dim}).")
    Integer dim;

    /** {@code --dim}, or null when not given. */
    public Integer given() {
        return dim;
    }
}
