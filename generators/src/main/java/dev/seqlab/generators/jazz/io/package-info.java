/**
 * Jazz files: standard MIDI files through {@code javax.sound.midi}
 * ({@link dev.seqlab.generators.jazz.io.MidiFiles}), WAV audio from seqlab's own small additive
 * synthesiser ({@link dev.seqlab.generators.jazz.io.WavRenderer}, deterministic, no native code),
 * and piano-roll pictures ({@link dev.seqlab.generators.jazz.io.PianoRoll}). All writes are atomic.
 */
package dev.seqlab.generators.jazz.io;
