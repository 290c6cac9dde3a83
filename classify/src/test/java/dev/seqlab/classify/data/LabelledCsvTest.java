package dev.seqlab.classify.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledCsvTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private MalformedFileException refused(Path file, CsvColumns columns) {
        return assertThrows(MalformedFileException.class, () -> LabelledCsv.read(file, columns));
    }

    @Test
    void readsAHeaderNamedColumnsInAnyOrderWithTheirLines() throws Exception {
        Path p = write("a.csv", "id,label,text\n1,joy,what a day\n\n2,food,soup again\n");
        List<LabelledText> rows = LabelledCsv.read(p, CsvColumns.defaults());
        assertEquals(
                List.of(new LabelledText("what a day", "joy", 2), new LabelledText("soup again", "food", 4)), rows);
    }

    @Test
    void readsAFileWithoutHeaderByColumnNumber() throws Exception {
        Path p = write("b.csv", "what a day,joy\nsoup again,food\n");
        assertEquals(2, LabelledCsv.read(p, CsvColumns.headerless()).size());
        List<LabelledText> swapped =
                LabelledCsv.read(p, CsvColumns.headerless().withTextColumn("2").withLabelColumn("1"));
        assertEquals(new LabelledText("joy", "what a day", 1), swapped.get(0));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> CsvColumns.headerless().withTextColumn("text"));
        assertTrue(e.getMessage().contains("no header"), e.getMessage());
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndNewlinesAndLabelsAreAnyString() throws Exception {
        Path p = write(
                "c.csv",
                "text,label\n\"one, two\",\"a, b\"\n\"first line\nsecond \"\"quoted\"\" line\",x y\nlast,\"z\"\n");
        List<LabelledText> rows = LabelledCsv.read(p, CsvColumns.defaults());
        assertEquals(new LabelledText("one, two", "a, b", 2), rows.get(0));
        assertEquals(new LabelledText("first line\nsecond \"quoted\" line", "x y", 3), rows.get(1));
        assertEquals(new LabelledText("last", "z", 5), rows.get(2), "the line after a two-line record");
    }

    @Test
    void dropsAByteOrderMarkSoTheFirstHeaderStillMatches() throws Exception {
        Path p = write("d.csv", "\uFEFFtext,label\nhi,x\n");
        assertEquals(List.of(new LabelledText("hi", "x", 2)), LabelledCsv.read(p, CsvColumns.defaults()));
    }

    @Test
    void tsvBySuffixOrByDelimiter() throws Exception {
        Path tsv = write("e.tsv", "text\tlabel\na, b\tx\n");
        assertEquals("a, b", LabelledCsv.read(tsv, CsvColumns.defaults()).get(0).text());
        Path semi = write("e.txt", "text;label\na, b;x\n");
        assertEquals(
                "x",
                LabelledCsv.read(semi, CsvColumns.defaults().withDelimiter(';'))
                        .get(0)
                        .label());
    }

    @Test
    void badEncodingIsReportedWithItsLine() throws Exception {
        Path p = dir.resolve("f.csv");
        byte[] head = "text,label\nok,x\ncaf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 4];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é
        bytes[head.length + 1] = ',';
        bytes[head.length + 2] = 'y';
        bytes[head.length + 3] = '\n';
        Files.write(p, bytes);
        MalformedFileException e = refused(p, CsvColumns.defaults());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("f.csv:3: not UTF-8 (byte 0xe9"), e.getMessage());
    }

    @Test
    void aRowWithoutTheLabelColumnIsReportedWithItsLine() throws Exception {
        Path p = write("g.csv", "text,label\nfine,x\n\"two\nlines\",y\nno label here\n");
        MalformedFileException e = refused(p, CsvColumns.defaults());
        assertEquals(5, e.line());
        assertTrue(
                e.getMessage().contains("g.csv:5: no label column ('label', column 2): the row has 1 field"),
                e.getMessage());
    }

    @Test
    void aHeaderWithoutTheColumnNamesTheColumnsItHas() throws Exception {
        Path p = write("h.csv", "sentence,emoji\nhi,x\n");
        MalformedFileException e = refused(p, CsvColumns.defaults());
        assertTrue(
                e.getMessage().contains("h.csv:1: no column 'text' in the header (columns: sentence, emoji)"),
                e.getMessage());
    }

    @Test
    void blankLabelsEmptyFilesAndBrokenQuotesAreRefused() throws Exception {
        MalformedFileException blank = refused(write("i.csv", "text,label\nhi,x\nthere,  \n"), CsvColumns.defaults());
        assertTrue(blank.getMessage().contains("i.csv:3: the label (column 2) is blank"), blank.getMessage());
        MalformedFileException empty = refused(write("j.csv", ""), CsvColumns.defaults());
        assertTrue(empty.getMessage().contains("j.csv: no rows"), empty.getMessage());
        MalformedFileException headerOnly = refused(write("k.csv", "text,label\n"), CsvColumns.defaults());
        assertTrue(headerOnly.getMessage().contains("no rows after the header"), headerOnly.getMessage());
        MalformedFileException quote = refused(write("l.csv", "text,label\n\"never closed,x\n"), CsvColumns.defaults());
        assertTrue(quote.getMessage().startsWith(dir.resolve("l.csv") + ":"), quote.getMessage());
        assertTrue(quote.getMessage().contains("not valid CSV"), quote.getMessage());
    }

    @Test
    void textsForPredictionMayLackLabels() throws Exception {
        Path p = write("m.csv", "text\nhello\nworld\n");
        List<LabelledText> rows = LabelledCsv.readTexts(p, CsvColumns.defaults());
        assertEquals(2, rows.size());
        assertNull(rows.get(0).label());
    }
}
