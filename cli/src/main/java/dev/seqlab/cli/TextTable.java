package dev.seqlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned plain-text table for human-readable command output. Numeric-looking cells are
 * right-aligned, others left-aligned.
 *
 * <pre>{@code
 * TextTable t = new TextTable("rank", "word", "cosine");
 * t.row(1, "queen", "0.7839");
 * t.print(out);
 * }</pre>
 */
public final class TextTable {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    /** A table with the given column headings. */
    public TextTable(String... header) {
        this.header = header.clone();
    }

    /** Adds a row; values are turned into text with {@link String#valueOf(Object)}. */
    public TextTable row(Object... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException(
                    "row has " + cells.length + " cells, table has " + header.length + " columns");
        }
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    /** The number of rows added. */
    public int size() {
        return rows.size();
    }

    /** Prints the header, a rule and the rows. */
    public void print(PrintWriter out) {
        int[] width = new int[header.length];
        boolean[] numeric = new boolean[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            numeric[c] = !rows.isEmpty();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
                numeric[c] &= isNumber(r[c]);
            }
        }
        printRow(out, header, width, numeric);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < header.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        out.println(rule);
        for (String[] r : rows) {
            printRow(out, r, width, numeric);
        }
        out.flush();
    }

    private static void printRow(PrintWriter out, String[] cells, int[] width, boolean[] numeric) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            sb.append(numeric[c] ? pad + cells[c] : cells[c] + (c == cells.length - 1 ? "" : pad));
        }
        out.println(sb);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
