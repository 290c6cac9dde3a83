package dev.seqlab.cli.classify;

import dev.seqlab.classify.data.CsvColumns;
import dev.seqlab.cli.options.Overrides;
import picocli.CommandLine.Option;

/** {@code --text-column}, {@code --label-column}, {@code --no-header}, {@code --delimiter} (a picocli mixin). */
public final class CsvColumnOptions {

    @Option(
            names = "--text-column",
            paramLabel = "NAME|N",
            description =
                    "The text's column: a header name or a 1-based number (default: text, or 1 with --no-header).")
    String textColumn;

    @Option(
            names = "--label-column",
            paramLabel = "NAME|N",
            description =
                    "The label's column: a header name or a 1-based number (default: label, or 2 with --no-header).")
    String labelColumn;

    @Option(names = "--no-header", description = "The first row is data, not column names.")
    boolean noHeader;

    @Option(
            names = "--delimiter",
            paramLabel = "C",
            description = "Field separator, e.g. ';' or 'tab' (default: tab for .tsv/.tab files, comma otherwise).")
    String delimiter;

    /** The columns these options describe. */
    public CsvColumns columns() {
        return Overrides.on(noHeader ? CsvColumns.headerless() : CsvColumns.defaults())
                .set(textColumn, CsvColumns::withTextColumn)
                .set(labelColumn, CsvColumns::withLabelColumn)
                .set(delimiter == null ? null : delimiterChar(delimiter), CsvColumns::withDelimiter)
                .get();
    }

    private static Character delimiterChar(String s) {
        if (s.equalsIgnoreCase("tab") || s.equals("\\t")) {
            return '\t';
        }
        if (s.length() != 1) {
            throw new IllegalArgumentException("--delimiter must be one character or 'tab', got '" + s + "'");
        }
        return s.charAt(0);
    }
}
