/**
 * Date normalisation ({@link dev.seqlab.generators.dates.DateNormalizer}): human-written dates to
 * ISO 8601 with the course's attention model, trained on first use and cached.
 */
package dev.seqlab.generators.dates;
