package dev.seqlab.cli.training;

import picocli.CommandLine.Option;

/**
 * {@code --cbow}: whether a word-vector trainer predicts a word from its context (CBOW) or the
 * context from the word (skip-gram, the default), and the names its summary gives the choice (a
 * picocli mixin).
 */
public final class ArchitectureOption {

    @Option(names = "--cbow", description = "Continuous bag of words instead of skip-gram.")
    boolean cbow;

    /** True when {@code --cbow} was given. */
    public boolean cbow() {
        return cbow;
    }

    /** The architecture's name in a JSON summary: {@code cbow} or {@code skip-gram}. */
    public String key() {
        return cbow ? "cbow" : "skip-gram";
    }

    /** The architecture's name in a sentence: {@code CBOW} or {@code skip-gram}. */
    public String title() {
        return cbow ? "CBOW" : "skip-gram";
    }
}
