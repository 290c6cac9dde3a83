/**
 * {@link dev.seqlab.core.random.SeededRandom}: the one source of randomness in seqlab. Its
 * sequence depends only on the seed (not on the JDK), so the same seed gives the same weights,
 * samples and shuffles on every machine.
 */
package dev.seqlab.core.random;
