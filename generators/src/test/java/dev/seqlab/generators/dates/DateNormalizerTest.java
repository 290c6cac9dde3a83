package dev.seqlab.generators.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.dates.DatePair;
import dev.seqlab.corpora.dates.DatePairs;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DateNormalizerTest {
    private static DateNormalizer dates;
    private static double seconds;

    @BeforeAll
    static void train() {
        long t0 = System.nanoTime();
        dates = DateNormalizer.train(DateNormalizer.Training.defaults(), ProgressListener.NONE);
        seconds = (System.nanoTime() - t0) / 1e9;
    }

    @Test
    void heldOutAccuracyAndTheCourseDemoDates() {
        Set<String> seen = new HashSet<>();
        DatePairs.generate(DateNormalizer.Training.defaults().examples(), DateNormalizer.Training.defaults().seed())
                .forEach(p -> seen.add(p.human()));
        List<DatePair> test = DatePairs.generate(3000, 12345).stream().filter(p -> !seen.contains(p.human())).toList();
        double acc = dates.accuracy(test);
        System.out.printf("date model: trained in %.1f s, exact match %.4f on %d held-out dates%n", seconds, acc, test.size());
        assertTrue(acc >= 0.99, "held-out accuracy " + acc);
        String[][] demo = {{"3 May 1979", "1979-05-03"}, {"5 April 09", "2009-04-05"}, {"21th of August 2016", "2016-08-21"},
            {"Tue 10 Jul 2007", "2007-07-10"}, {"Saturday May 9 2018", "2018-05-09"}, {"March 3 2001", "2001-03-03"},
            {"March 3rd 2001", "2001-03-03"}, {"1 March 2001", "2001-03-01"}};
        for (String[] d : demo) {
            DateNormalizer.Result r = dates.normalize(d[0]);
            assertEquals(d[1], r.iso(), d[0]);
            assertTrue(r.understood(), d[0]);
        }
    }

    @Test
    void attentionRowsSumToOneAndNonsenseIsNotUnderstood(@TempDir Path dir) throws Exception {
        DateNormalizer.Result r = dates.normalize("saturday 9 may 2018");
        assertEquals(10, r.attention().length);
        for (float[] row : r.attention()) {
            double sum = 0;
            for (float w : row) {
                sum += w;
            }
            assertEquals(1.0, sum, 1e-5);
        }
        assertFalse(dates.normalize("31 feb 2001").understood() && dates.normalize("31 feb 2001").iso().equals("2001-02-31"));
        assertFalse(dates.normalize("banana").understood());
        assertThrows(IllegalArgumentException.class, () -> dates.normalize("   "));
        assertThrows(IllegalArgumentException.class, () -> dates.normalize("x".repeat(31)));
        dates.save(dir.resolve("m"));
        assertEquals(r.iso(), DateNormalizer.load(dir.resolve("m")).normalize("saturday 9 may 2018").iso());
    }
}
