/**
 * Progress on the terminal: {@link dev.seqlab.cli.progress.ConsoleProgress} picks a live bar with
 * rate and ETA when stderr is a terminal, or a log line every few seconds when it is not (CI logs,
 * redirected output), for any {@link dev.seqlab.core.progress.ProgressListener} the library reports to.
 */
package dev.seqlab.cli.progress;
