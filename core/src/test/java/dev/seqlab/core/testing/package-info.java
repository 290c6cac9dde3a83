/**
 * Test fixtures shared by every module's tests, published as seqlab-core's test-jar: golden-file
 * comparison and writing, and the small helpers that used to be copied between modules.
 */
package dev.seqlab.core.testing;
