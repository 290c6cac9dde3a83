package dev.seqlab.corpora.dates;

import dev.seqlab.core.random.SeededRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates (human, ISO) date pairs: dates drawn uniformly from 1950-01-01 to 2049-12-31 (the
 * range two-digit years can name unambiguously), each written in a format drawn uniformly from
 * {@link DateFormats#all()} (or only the course's). Seeded: the same seed gives the same pairs.
 */
public final class DatePairs {
    /** The first date generated. */
    public static final LocalDate FIRST = LocalDate.of(1950, 1, 1);
    /** The last date generated. */
    public static final LocalDate LAST = LocalDate.of(2049, 12, 31);

    /**
     * Three disjoint sets of pairs.
     *
     * @param train for training
     * @param dev   for choosing hyperparameters and early stopping
     * @param test  for the final accuracy figure
     */
    public record Splits(List<DatePair> train, List<DatePair> dev, List<DatePair> test) {}

    private DatePairs() {}

    /** {@code n} pairs in any format. */
    public static List<DatePair> generate(int n, long seed) {
        return generate(n, seed, DateFormats.all());
    }

    /** {@code n} pairs in the given formats. */
    public static List<DatePair> generate(int n, long seed, List<DateFormats.Format> formats) {
        if (n < 0) {
            throw new IllegalArgumentException("count must be non-negative, got " + n);
        }
        SeededRandom rng = new SeededRandom(seed);
        long days = LAST.toEpochDay() - FIRST.toEpochDay() + 1;
        List<DatePair> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LocalDate d = FIRST.plusDays((long) (rng.nextDouble() * days));
            DateFormats.Format f = formats.get(rng.nextInt(formats.size()));
            out.add(new DatePair(f.render().apply(d), d.toString(), f.name()));
        }
        return out;
    }

    /**
     * Train/dev/test splits without a human-written string in common (so the test measures
     * generalisation, not recall).
     */
    public static Splits splits(int train, int dev, int test, long seed) {
        List<DatePair> all = generate((train + dev + test) * 2, seed);
        Set<String> seen = new HashSet<>();
        List<List<DatePair>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int[] want = {train, dev, test};
        int part = 0;
        for (DatePair p : all) {
            while (part < 3 && parts.get(part).size() >= want[part]) {
                part++;
            }
            if (part == 3) {
                break;
            }
            if (seen.add(p.human())) {
                parts.get(part).add(p);
            }
        }
        if (part < 3 && parts.get(2).size() < test) {
            throw new IllegalStateException("not enough distinct dates for the requested splits");
        }
        return new Splits(parts.get(0), parts.get(1), parts.get(2));
    }
}
