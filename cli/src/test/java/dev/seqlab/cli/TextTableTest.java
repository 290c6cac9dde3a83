package dev.seqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsTextLeftAndNumbersRight() {
        StringWriter s = new StringWriter();
        new TextTable("word", "cosine")
                .row("queen", "0.78")
                .row("monarch", "0.6")
                .print(new PrintWriter(s));
        assertEquals(
                String.join("\n", "word     cosine", "-------  ------", "queen      0.78", "monarch     0.6", ""),
                s.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("a", "b").row("x"));
    }
}
