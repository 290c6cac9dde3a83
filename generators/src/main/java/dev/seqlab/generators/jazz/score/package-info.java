/** Notes in time ({@link dev.seqlab.generators.jazz.score.Note}, {@link dev.seqlab.generators.jazz.score.Score}) and the band that accompanies a solo. */
package dev.seqlab.generators.jazz.score;
