/**
 * The generators behind the command lines: dinosaur names, free text, jazz solos and date
 * normalisation.
 */
package dev.seqlab.generators;
