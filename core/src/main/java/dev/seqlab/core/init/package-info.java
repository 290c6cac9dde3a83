/**
 * Weight initialisers ({@link dev.seqlab.core.init.Initializer}): constant, uniform, normal,
 * Xavier/Glorot, He and orthogonal, each drawing from an explicit
 * {@link dev.seqlab.core.random.SeededRandom} so the same seed gives the same weights.
 */
package dev.seqlab.core.init;
