/**
 * Test support shared by the modules' tests: a mutation engine and a fuzzing harness that checks
 * every parser fails only in its documented ways, within time and memory bounds.
 */
package dev.seqlab.core.testing;
