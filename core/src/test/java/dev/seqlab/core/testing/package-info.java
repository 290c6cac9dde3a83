/**
 * Test fixtures shared by every module's tests, published as seqlab-core's test-jar: golden-file
 * comparison and writing, the small helpers that used to be copied between modules, and a mutation
 * engine with a fuzzing harness that checks every parser fails only in its documented ways, within
 * time and memory bounds.
 */
package dev.seqlab.core.testing;
