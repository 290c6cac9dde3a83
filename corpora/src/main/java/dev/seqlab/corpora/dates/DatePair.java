package dev.seqlab.corpora.dates;

/**
 * A date as a person wrote it and as ISO 8601.
 *
 * @param human  the written form, lower case ("tuesday may 3 1979")
 * @param iso    {@code yyyy-mm-dd}
 * @param format the name of the format that wrote it
 */
public record DatePair(String human, String iso, String format) {}
