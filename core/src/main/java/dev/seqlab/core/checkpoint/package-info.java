/**
 * Stopping a long training job at a step boundary and resuming it: the exception a trainer
 * throws once it has written its checkpoint. The request to stop is a plain
 * {@link java.util.function.BooleanSupplier} the trainer polls between steps (the command line
 * sets it from SIGINT/SIGTERM).
 */
package dev.seqlab.core.checkpoint;
