package dev.seqlab.embeddings.io;

/**
 * What {@link FormatDetector} found at the start of a file.
 *
 * @param format     the format of the (decompressed) content
 * @param gzip       whether the file is gzip-compressed
 * @param dataStart  byte offset in the (decompressed) content where the word records begin
 *                   (after the header line, if any)
 * @param headerRows the number of words a header announces, or -1 when there is no header
 * @param dim        the dimension, from the header or counted on the first line
 */
public record DetectedFormat(VectorFormat format, boolean gzip, long dataStart, long headerRows, int dim) {}
