/**
 * The course's chord-relative note grammar. A melody becomes tokens such as {@code C4+3}: the
 * note's kind against the chord sounding under it ({@code C} chord tone, {@code S} other scale
 * tone, {@code A} approach tone a half step from a chord tone, {@code X} anything else), its
 * length in sixteenths, and the interval in semitones from the previous note; {@code R4} is a
 * rest and {@code |} a bar line. Because the tokens name no key, a model trained on them plays
 * over any chords in any key; {@link dev.seqlab.generators.jazz.grammar.Realizer} turns tokens
 * back into notes over a given progression.
 */
package dev.seqlab.generators.jazz.grammar;
