/** Music theory for the jazz generator: chord symbols with their chord tones and scales, and progressions in time. */
package dev.seqlab.generators.jazz.theory;
