/** {@code seqlab jazz} and {@code seqlab jazz train}: LSTM jazz solos as MIDI, WAV and piano rolls. */
package dev.seqlab.cli.jazz;
