/**
 * The {@code seqlab} command: picocli subcommands, progress bars, output formatting and the
 * error/exit-code conventions of DESIGN.md.
 */
package dev.seqlab.cli;
