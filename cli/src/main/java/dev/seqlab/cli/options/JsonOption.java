package dev.seqlab.cli.options;

import picocli.CommandLine.Option;

/** {@code --json}: one JSON document on stdout instead of text (a picocli mixin). */
public final class JsonOption {

    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    boolean json;

    /** True when {@code --json} was given. */
    public boolean enabled() {
        return json;
    }
}
