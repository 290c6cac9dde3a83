package dev.seqlab.generators.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.dates.DatePair;
import dev.seqlab.corpora.dates.DatePairs;
import dev.seqlab.generators.dates.DateNormalizer.Architecture;
import dev.seqlab.generators.dates.DateNormalizer.Training;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The acceptance figures of both date models, each trained with its default recipe. */
class DateNormalizerTest {
    private static final Map<Architecture, DateNormalizer> MODELS = new EnumMap<>(Architecture.class);
    private static final Map<Architecture, Double> SECONDS = new EnumMap<>(Architecture.class);

    /**
     * Trains both models at once on two threads: each recipe is single-threaded for most of its
     * work, and this test is the longest of the build.
     */
    @BeforeAll
    static void trainBothAtOnce() throws Exception {
        List<CompletableFuture<DateNormalizer>> training = new ArrayList<>();
        for (Architecture a : Architecture.values()) {
            training.add(CompletableFuture.supplyAsync(
                    () -> model(a), runnable -> new Thread(runnable, "train-" + a).start()));
        }
        for (CompletableFuture<DateNormalizer> t : training) {
            t.get();
        }
    }

    static DateNormalizer model(Architecture a) {
        synchronized (MODELS) {
            DateNormalizer done = MODELS.get(a);
            if (done != null) {
                return done;
            }
        }
        long t0 = System.nanoTime();
        DateNormalizer n = DateNormalizer.train(Training.defaults(a), ProgressListener.NONE);
        synchronized (MODELS) {
            SECONDS.putIfAbsent(a, (System.nanoTime() - t0) / 1e9);
            return MODELS.computeIfAbsent(a, k -> n);
        }
    }

    /** 10,000 generated dates whose written form never occurs in the training pairs. */
    static List<DatePair> heldOut(Training t) {
        Set<String> seen = new HashSet<>();
        DatePairs.generate(t.examples(), t.seed()).forEach(p -> seen.add(p.human()));
        List<DatePair> test = DatePairs.generate(12_000, 424242).stream()
                .filter(p -> !seen.contains(p.human()))
                .toList();
        return test.subList(0, 10_000);
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void heldOutAccuracyAndTheCourseDemoDates(Architecture a) {
        DateNormalizer dates = model(a);
        double acc = dates.accuracy(heldOut(Training.defaults(a)));
        System.out.printf(
                "%s date model: trained in %.1f s, exact match %.4f on 10,000 held-out dates%n",
                a, SECONDS.get(a), acc);
        assertTrue(acc >= 0.995, a + " held-out accuracy " + acc);
        String[][] demo = {
            {"3 May 1979", "1979-05-03"},
            {"5 April 09", "2009-04-05"},
            {"21th of August 2016", "2016-08-21"},
            {"Tue 10 Jul 2007", "2007-07-10"},
            {"Saturday May 9 2018", "2018-05-09"},
            {"March 3 2001", "2001-03-03"},
            {"March 3rd 2001", "2001-03-03"},
            {"1 March 2001", "2001-03-01"},
            {"03/05/1979", "1979-05-03"},
            {"5/3/79", "1979-05-03"}
        }; // four-digit slash dates are day-first
        for (String[] d : demo) {
            DateNormalizer.Result r = dates.normalize(d[0]);
            assertEquals(d[1], r.iso(), a + ": " + d[0]);
            assertTrue(r.understood(), d[0]);
        }
    }

    @Test
    void attentionRowsSumToOneAndNonsenseIsNotUnderstood(@TempDir Path dir) throws Exception {
        DateNormalizer dates = model(Architecture.ATTENTION);
        DateNormalizer.Result r = dates.normalize("saturday 9 may 2018");
        assertEquals(10, r.attention().length);
        for (float[] row : r.attention()) {
            double sum = 0;
            for (float w : row) {
                sum += w;
            }
            assertEquals(1.0, sum, 1e-5);
        }
        assertFalse(dates.normalize("banana").understood());
        assertThrows(IllegalArgumentException.class, () -> dates.normalize("   "));
        assertThrows(IllegalArgumentException.class, () -> dates.normalize("x".repeat(31)));
        dates.save(dir.resolve("m"));
        assertEquals(
                r.iso(),
                DateNormalizer.load(dir.resolve("m"))
                        .normalize("saturday 9 may 2018")
                        .iso());
    }
}
