package dev.seqlab.classify.data;

import dev.seqlab.core.options.Withers;

/**
 * Which columns of a CSV/TSV file hold the text and the label, and how the file is laid out.
 * A column is named by its header, or by its 1-based number (always possible; the only way when
 * there is no header).
 *
 * @param textColumn  the text's column: a header name or a 1-based number
 * @param labelColumn the label's column: a header name or a 1-based number
 * @param header      whether the first record names the columns
 * @param delimiter   the field separator; {@code 0} chooses by file name (tab for .tsv/.tab, comma otherwise)
 */
public record CsvColumns(String textColumn, String labelColumn, boolean header, char delimiter) {

    /** Validates with messages naming the offending value. */
    public CsvColumns {
        textColumn = checkColumn("text column", textColumn, header);
        labelColumn = checkColumn("label column", labelColumn, header);
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the delimiter cannot be " + printable(delimiter));
        }
    }

    /** Columns {@code text} and {@code label} named by a header; the delimiter from the file name. */
    public static CsvColumns defaults() {
        return new CsvColumns("text", "label", true, (char) 0);
    }

    /** A file without a header: the text in column 1, the label in column 2. */
    public static CsvColumns headerless() {
        return new CsvColumns("1", "2", false, (char) 0);
    }

    /** These columns with another text column. */
    public CsvColumns withTextColumn(String column) {
        return Withers.with(this, "textColumn", column);
    }

    /** These columns with another label column. */
    public CsvColumns withLabelColumn(String column) {
        return Withers.with(this, "labelColumn", column);
    }

    /** These columns with or without a header. */
    public CsvColumns withHeader(boolean on) {
        return Withers.with(this, "header", on);
    }

    /** These columns with another delimiter ({@code 0}: by file name). */
    public CsvColumns withDelimiter(char c) {
        return Withers.with(this, "delimiter", c);
    }

    /** The 1-based column number {@code column} names, or -1 when it is a header name. */
    static int number(String column) {
        if (!column.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        try {
            return Integer.parseInt(column);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String checkColumn(String what, String column, boolean header) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException(
                    what + " must be a header name or a column number, got '" + (column == null ? "" : column) + "'");
        }
        int n = number(column);
        if (n == 0) {
            throw new IllegalArgumentException(what + " numbers start at 1, got " + column);
        }
        if (n < 0 && !header) {
            throw new IllegalArgumentException(
                    what + " '" + column + "' is a name, but the file has no header: give a column number");
        }
        return column;
    }

    private static String printable(char c) {
        return c == '\n' ? "a newline" : c == '\r' ? "a carriage return" : "'" + c + "'";
    }
}
