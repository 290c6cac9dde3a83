/**
 * The jazz-solo generator (the course's "Improvise a Jazz Solo with an LSTM"):
 * {@link dev.seqlab.generators.jazz.JazzGenerator} samples an LSTM over chord-relative note tokens
 * and realises them over a chord progression, with a walking bass and piano comping.
 * Sub-packages: {@code theory} (chords, scales, progressions), {@code score} (notes in time),
 * {@code grammar} (the chord-relative abstraction and its realisation), {@code corpus} (the
 * rule-based improviser that writes the training phrases, and the accompaniment), {@code io}
 * (MIDI files, WAV rendering, piano-roll pictures).
 */
package dev.seqlab.generators.jazz;
