/**
 * Human-readable dates paired with ISO dates, for the course's date-normalisation model:
 * {@link dev.seqlab.corpora.dates.DateFormats} (the course's formats and the forms people write),
 * {@link dev.seqlab.corpora.dates.DatePairs} (seeded generation and train/dev/test splits) and
 * {@link dev.seqlab.corpora.dates.DateVocabulary} (character vocabularies with padding and unknown).
 */
package dev.seqlab.corpora.dates;
