package dev.seqlab.classify.data;

import dev.seqlab.core.io.InputFiles;
import dev.seqlab.core.io.MalformedFileException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labelled sentences from a CSV or TSV file (UTF-8, an optional byte-order mark) through
 * commons-csv: RFC 4180 quoting, so a quoted field may hold the delimiter, quotes ({@code ""}) and
 * newlines; blank lines are skipped. Every problem is reported as a {@link MalformedFileException}
 * naming the file and the line: bytes that are not UTF-8, a row without the text or label column,
 * a blank label, an unterminated quote, a file with no rows.
 *
 * <pre>{@code
 * List<LabelledText> rows = LabelledCsv.read(Path.of("train.csv"), CsvColumns.defaults());
 * }</pre>
 */
public final class LabelledCsv {
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private LabelledCsv() {}

    /**
     * The labelled rows of {@code file}, in file order.
     *
     * @throws MalformedFileException naming the file and line of the first problem
     */
    public static List<LabelledText> read(Path file, CsvColumns columns) throws IOException {
        return read(file, columns, true);
    }

    /**
     * The texts of {@code file} (the label column is read when it exists but may be missing or
     * blank: the rows' labels are then null), for prediction.
     */
    public static List<LabelledText> readTexts(Path file, CsvColumns columns) throws IOException {
        return read(file, columns, false);
    }

    private static List<LabelledText> read(Path file, CsvColumns columns, boolean labelled) throws IOException {
        InputFiles.requireRegularFile(file, "data file");
        String text = decode(file, Files.readAllBytes(file));
        LineIndex lines = new LineIndex(text);
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter(file, columns))
                .setIgnoreEmptyLines(true)
                .get();
        List<LabelledText> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(format)
                .get()) {
            int textIndex = -1;
            int labelIndex = -1;
            boolean first = true;
            for (CSVRecord record : parser) {
                long line = lines.lineOf(firstCharacter(text, record.getCharacterPosition()));
                if (first && columns.header()) {
                    first = false;
                    List<String> names = record.toList();
                    textIndex = index(file, line, names, columns.textColumn(), true);
                    labelIndex = index(file, line, names, columns.labelColumn(), labelled);
                    continue;
                }
                if (first) {
                    first = false;
                    textIndex = CsvColumns.number(columns.textColumn()) - 1;
                    labelIndex = CsvColumns.number(columns.labelColumn()) - 1;
                }
                rows.add(row(file, line, record, textIndex, labelIndex, columns, labelled));
            }
        } catch (UncheckedIOException e) {
            throw malformed(file, lines, e.getCause());
        } catch (IOException e) {
            if (e instanceof MalformedFileException m) {
                throw m;
            }
            throw malformed(file, lines, e);
        }
        if (rows.isEmpty()) {
            throw new MalformedFileException(
                    file, 0, text.isBlank() ? "no rows (the file is empty)" : "no rows after the header");
        }
        return rows;
    }

    private static LabelledText row(
            Path file, long line, CSVRecord record, int textIndex, int labelIndex, CsvColumns columns, boolean labelled)
            throws MalformedFileException {
        if (textIndex >= record.size()) {
            throw missing(file, line, record, "text", columns.textColumn(), textIndex);
        }
        String label = null;
        if (labelIndex >= 0 && labelIndex < record.size()) {
            label = record.get(labelIndex).strip();
        } else if (labelled) {
            throw missing(file, line, record, "label", columns.labelColumn(), labelIndex);
        }
        if (labelled && label.isEmpty()) {
            throw new MalformedFileException(file, line, "the label (column " + (labelIndex + 1) + ") is blank");
        }
        return new LabelledText(record.get(textIndex), label == null || label.isEmpty() ? null : label, line);
    }

    private static MalformedFileException missing(
            Path file, long line, CSVRecord record, String what, String column, int index) {
        return new MalformedFileException(
                file,
                line,
                "no " + what + " column ('" + column + "', column " + (index + 1) + "): the row has " + record.size()
                        + (record.size() == 1 ? " field" : " fields"));
    }

    /** The 0-based index of {@code column} in the header {@code names}; -1 when optional and absent. */
    private static int index(Path file, long line, List<String> names, String column, boolean required)
            throws MalformedFileException {
        int n = CsvColumns.number(column);
        int i = n > 0 ? n - 1 : names.stream().map(String::strip).toList().indexOf(column);
        if (i >= 0 && i < names.size()) {
            return i;
        }
        if (!required) {
            return -1;
        }
        throw new MalformedFileException(
                file,
                line,
                (n > 0 ? "no column " + n : "no column '" + column + "'") + " in the header (columns: "
                        + String.join(", ", names) + ")");
    }

    /** The offset of a record's first character: commons-csv's position includes the blank lines skipped before it. */
    private static long firstCharacter(String text, long position) {
        int i = (int) position;
        while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    private static char delimiter(Path file, CsvColumns columns) {
        if (columns.delimiter() != 0) {
            return columns.delimiter();
        }
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".tsv") || name.endsWith(".tab") ? '\t' : ',';
    }

    /** Strict UTF-8 with the BOM dropped; a bad byte is reported with its line. */
    static String decode(Path file, byte[] bytes) throws MalformedFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            long line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new MalformedFileException(
                    file,
                    line,
                    String.format(
                            Locale.ROOT,
                            "not UTF-8 (byte 0x%02x at offset %d); convert it, e.g. iconv -f latin1 -t utf-8",
                            bytes[at] & 0xff,
                            at));
        }
        decoder.flush(out);
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static MalformedFileException malformed(Path file, LineIndex lines, Throwable cause) {
        String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        long line = 0;
        // commons-csv names the line in its messages ("... at line 12 ...")
        Matcher m = LINE.matcher(msg);
        if (m.find()) {
            line = Long.parseLong(m.group(1));
        }
        return new MalformedFileException(
                file, line, "not valid CSV: " + msg.lines().findFirst().orElse(msg), cause);
    }

    /** Character offsets → 1-based line numbers. */
    private static final class LineIndex {
        private final int[] starts;

        LineIndex(String text) {
            int[] s = new int[16];
            int n = 0;
            s[n++] = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    if (n == s.length) {
                        s = Arrays.copyOf(s, n * 2);
                    }
                    s[n++] = i + 1;
                }
            }
            this.starts = Arrays.copyOf(s, n);
        }

        long lineOf(long offset) {
            int i = Arrays.binarySearch(starts, (int) offset);
            return (i >= 0 ? i : -i - 2) + 1L;
        }
    }
}
