package dev.seqlab.corpora.dates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatePairsTest {

    @Test
    void courseFormatsWriteWhatTheCourseWrites() {
        LocalDate d = LocalDate.of(1979, 5, 3); // a Thursday
        List<String> written =
                DateFormats.course().stream().map(f -> f.render().apply(d)).toList();
        assertEquals(
                List.of(
                        "5/3/79",
                        "may 3 1979",
                        "may 3 1979",
                        "thursday may 3 1979",
                        "3 may 1979",
                        "3 may 1979",
                        "03 may 1979",
                        "3 may 1979",
                        "3 may 1979",
                        "03 may 1979",
                        "3 05 79",
                        "may 3 1979",
                        "03.05.79"),
                written);
    }

    @Test
    void extraFormatsCoverWhatPeopleWrite() {
        LocalDate d = LocalDate.of(2016, 8, 21); // a Sunday
        List<String> written =
                DateFormats.extra().stream().map(f -> f.render().apply(d)).toList();
        assertEquals(
                List.of(
                        "21st of august 2016",
                        "august 21st 2016",
                        "21th of august 2016",
                        "sun 21 aug 2016",
                        "sunday august 21 2016",
                        "21 august 16",
                        "sun aug 21 2016",
                        "21 aug. 2016",
                        "21st august 2016",
                        "21/08/2016"),
                written);
        assertEquals("3 sept. 2001", DateFormats.extra().get(7).render().apply(LocalDate.of(2001, 9, 3)));
        assertEquals(
                List.of("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st"),
                List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31).stream()
                        .map(DateFormats::ordinal)
                        .toList());
    }

    @Test
    void generationIsSeededAndInRange() {
        List<DatePair> a = DatePairs.generate(2000, 7);
        assertEquals(a, DatePairs.generate(2000, 7));
        for (DatePair p : a) {
            LocalDate d = LocalDate.parse(p.iso());
            assertTrue(!d.isBefore(DatePairs.FIRST) && !d.isAfter(DatePairs.LAST), p.toString());
            assertTrue(p.human().length() <= DateVocabulary.INPUT_LENGTH, p.toString());
            assertTrue(!p.human().contains(","), p.toString());
        }
        Set<String> formats = new HashSet<>();
        a.forEach(p -> formats.add(p.format()));
        assertEquals(DateFormats.all().size(), formats.size(), "every format appears");
    }

    @Test
    void splitsShareNoWrittenForm() {
        DatePairs.Splits s = DatePairs.splits(3000, 500, 500, 1);
        assertEquals(3000, s.train().size());
        assertEquals(500, s.dev().size());
        assertEquals(500, s.test().size());
        Set<String> train = new HashSet<>();
        s.train().forEach(p -> train.add(p.human()));
        assertTrue(s.test().stream().noneMatch(p -> train.contains(p.human())));
        assertTrue(s.dev().stream().noneMatch(p -> train.contains(p.human())));
    }

    @Test
    void vocabulariesPadAndMarkUnknowns() {
        int[] ids = DateVocabulary.encodeInput("Tue 10 Jul, 2007");
        assertEquals(DateVocabulary.INPUT_LENGTH, ids.length);
        assertEquals(DateVocabulary.PAD, ids[15]);
        assertTrue(ids[0] > DateVocabulary.UNK);
        assertEquals(DateVocabulary.UNK, DateVocabulary.encodeInput("10 jul 2007 ü")[12]);
        assertArrayEquals(new int[] {3, 1, 1, 8, 0, 1, 6, 0, 1, 4}, DateVocabulary.encodeOutput("2007-05-03"));
        assertEquals("2007-05-03", DateVocabulary.decodeOutput(DateVocabulary.encodeOutput("2007-05-03")));
        assertEquals(11, DateVocabulary.outputSize());
        assertThrows(IllegalArgumentException.class, () -> DateVocabulary.encodeInput("   "));
        assertThrows(IllegalArgumentException.class, () -> DateVocabulary.encodeInput("x".repeat(31)));
    }
}
