/**
 * The training corpus of the jazz generator, written by seqlab itself:
 * {@link dev.seqlab.generators.jazz.corpus.RuleImproviser} plays phrases over common
 * progressions (ii–V–I in every key, blues, rhythm changes, minor ii–V–i) by explicit rules.
 */
package dev.seqlab.generators.jazz.corpus;
