/**
 * {@link dev.seqlab.core.progress.ProgressListener}: how long-running library work (loading,
 * training, counting) reports progress without depending on any user interface. The command
 * line turns it into a progress bar with rate and ETA.
 */
package dev.seqlab.core.progress;
