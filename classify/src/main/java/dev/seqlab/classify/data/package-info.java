/**
 * Labelled sentences from CSV and TSV files ({@link dev.seqlab.classify.data.LabelledCsv}, read
 * through commons-csv): with or without a header, quoted fields holding commas and newlines, a
 * byte-order mark; encoding errors and rows missing a column are reported with file and line.
 */
package dev.seqlab.classify.data;
