/**
 * Options shared by many commands, as picocli mixins ({@link dev.seqlab.cli.options.JsonOption},
 * {@link dev.seqlab.cli.options.TrainingOptions}, {@link dev.seqlab.cli.options.ThreadsOption}),
 * and the rule that keeps each default in one place: an option left out is null and leaves the
 * options record's {@code defaults()} as they are; {@code --help} reads the default it shows from
 * the record through {@link dev.seqlab.cli.options.ShownDefaults} ({@code ${bundle:default.NAME}}
 * in a description).
 */
package dev.seqlab.cli.options;
