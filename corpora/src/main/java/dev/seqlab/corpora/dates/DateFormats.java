package dev.seqlab.corpora.dates;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Ways of writing a date. The course's formats (written through {@link DateTimeFormatter} in
 * English, then lower-cased with commas removed, as the course does): {@code M/d/yy},
 * {@code MMM d, y}, {@code MMMM d, y}, {@code EEEE, MMMM d, y}, {@code d MMM y},
 * {@code d MMMM y}, {@code dd MMM y}, {@code d MMM, y}, {@code d MMMM, y}, {@code dd, MMM y},
 * {@code d MM yy}, {@code MMMM d y}, {@code dd.MM.yy}. And forms people write that the course's
 * data lacks: ordinals ("3rd of may 1979", "may 3rd 2001", including the common slip "21th"),
 * weekday abbreviations ("tue 10 jul 2007"), a weekday before the month ("saturday may 9 2018"),
 * two-digit years after a month name ("5 april 09"), dotted abbreviations ("3 sept. 1979"), and
 * day-first numeric dates. Slash dates follow one documented rule: with a four-digit year they are
 * day-first ({@code dd/mm/yyyy}, "03/05/1979" is 3 May), with a two-digit year month-first (the
 * course's {@code M/d/yy}, "5/3/79" is 3 May). Two-digit years mean 1950–2049.
 */
public final class DateFormats {

    /**
     * One way of writing a date.
     *
     * @param name   a short label ("course: MMM d, y", "ordinal of")
     * @param course whether the course's data set uses it
     * @param render writes a date this way (lower case, no commas)
     */
    public record Format(String name, boolean course, Function<LocalDate, String> render) {}

    private static final String[] ORDINAL = {"th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"};

    private DateFormats() {}

    /** The English ordinal of a day of the month: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, … */
    public static String ordinal(int day) {
        return day + (day % 100 >= 11 && day % 100 <= 13 ? "th" : ORDINAL[day % 10]);
    }

    private static Format pattern(String p) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(p, Locale.ENGLISH);
        return new Format(p, false, d -> f.format(d).toLowerCase(Locale.ROOT).replace(",", ""));
    }

    private static String month(LocalDate d) {
        return d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }

    private static String shortMonth(LocalDate d) {
        return d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }

    /** The course's thirteen formats (its Babel patterns, with y = the full year, as java.time patterns). */
    public static List<Format> course() {
        String[][] p = {
            {"short", "M/d/yy"},
            {"medium", "MMM d, yyyy"},
            {"long", "MMMM d, yyyy"},
            {"full", "EEEE, MMMM d, yyyy"},
            {"d MMM y", "d MMM yyyy"},
            {"d MMMM y", "d MMMM yyyy"},
            {"dd MMM y", "dd MMM yyyy"},
            {"d MMM, y", "d MMM, yyyy"},
            {"d MMMM, y", "d MMMM, yyyy"},
            {"dd, MMM y", "dd, MMM yyyy"},
            {"d MM yy", "d MM yy"},
            {"MMMM d y", "MMMM d yyyy"},
            {"dd.MM.yy", "dd.MM.yy"},
        };
        List<Format> f = new ArrayList<>();
        for (String[] e : p) {
            DateTimeFormatter fmt = DateTimeFormatter.ofPattern(e[1], Locale.ENGLISH);
            f.add(new Format("course: " + e[0], true, d -> fmt.format(d)
                    .toLowerCase(Locale.ROOT)
                    .replace(",", "")));
        }
        return f;
    }

    /** The forms beyond the course's. */
    public static List<Format> extra() {
        List<Format> f = new ArrayList<>();
        f.add(new Format("ordinal of", false, d -> ordinal(d.getDayOfMonth()) + " of " + month(d) + " " + d.getYear()));
        f.add(new Format("month ordinal", false, d -> month(d) + " " + ordinal(d.getDayOfMonth()) + " " + d.getYear()));
        f.add(new Format("th slip of", false, d -> d.getDayOfMonth() + "th of " + month(d) + " " + d.getYear()));
        f.add(pattern("EEE d MMM yyyy"));
        f.add(pattern("EEEE MMMM d yyyy"));
        f.add(pattern("d MMMM yy"));
        f.add(pattern("EEE MMM d yyyy"));
        f.add(new Format(
                "dotted abbreviation",
                false,
                d -> d.getDayOfMonth() + " " + (d.getMonthValue() == 9 ? "sept" : shortMonth(d)) + ". " + d.getYear()));
        f.add(new Format(
                "day month ordinal", false, d -> ordinal(d.getDayOfMonth()) + " " + month(d) + " " + d.getYear()));
        f.add(new Format(
                "day-first dd/mm/yyyy", false, DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ENGLISH)::format));
        return f;
    }

    /** Every format: the course's, then the extra ones. */
    public static List<Format> all() {
        List<Format> f = new ArrayList<>(course());
        f.addAll(extra());
        return f;
    }
}
