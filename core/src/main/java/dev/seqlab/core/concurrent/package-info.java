/**
 * Checking that a component documented as thread-safe answers the same from many threads at
 * once as from one ({@link dev.seqlab.core.concurrent.ParallelAgreement}).
 */
package dev.seqlab.core.concurrent;
