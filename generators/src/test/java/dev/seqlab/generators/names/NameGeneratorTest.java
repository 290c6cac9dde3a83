package dev.seqlab.generators.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.testing.ParallelAgreement;
import dev.seqlab.corpora.datasets.DinosaurNames;
import dev.seqlab.rnn.lm.TrainingReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameGeneratorTest {
    private static NameGenerator dinos;

    @BeforeAll
    static void train() {
        dinos = NameGenerator.train(DinosaurNames.all(), ProgressListener.NONE);
    }

    @Test
    void heldOutLossIsBelow2point2NatsPerCharacter() {
        TrainingReport r = dinos.report();
        System.out.printf(
                "dinosaur model: held-out loss %.3f nats/char (10%% of %d names held out), best epoch %d, %.1f s%n",
                r.finalValidationLoss(), DinosaurNames.all().size(), r.bestEpoch(), r.seconds());
        assertTrue(r.finalValidationLoss() < 2.2, "held-out loss " + r.finalValidationLoss());
    }

    @Test
    void mostSampledNamesAreNewAndWellFormed() {
        // without the novelty filter, to measure how often the model invents rather than recalls
        List<String> names = dinos.generate(100, 1.0, 7, false);
        assertEquals(100, names.size());
        long fresh = names.stream().filter(n -> !dinos.isKnown(n)).count();
        System.out.println("new: " + fresh + "/100, e.g. " + names.subList(0, 10));
        assertTrue(fresh >= 90, fresh + " new names of 100");
        for (String n : names) {
            assertFalse(n.isEmpty());
            assertTrue(n.length() <= NameGenerator.MAX_LENGTH, n);
            assertTrue(Character.isUpperCase(n.charAt(0)), n);
        }
        // the default filters known names out
        assertTrue(dinos.generate(50, 1.0, 8).stream().noneMatch(dinos::isKnown));
    }

    @Test
    void everyNameHasThreeLettersAndFitsTheMaximum() {
        // seed 1 drew the one-letter "T" before names were checked in the sampling loop
        for (long seed = 1; seed <= 3; seed++) {
            for (String n : dinos.generate(200, 1.0, seed)) {
                assertTrue(
                        n.codePoints().filter(Character::isLetter).count() >= NameGenerator.MIN_LETTERS,
                        "seed " + seed + ": " + n);
                assertTrue(n.length() <= NameGenerator.MAX_LENGTH, "seed " + seed + ": " + n);
            }
        }
    }

    @Test
    void anImpossibleRequestFailsClearlyAfterBoundedRetries() {
        // a model drawn (nearly) greedily says the same thing every time: three distinct names are
        // impossible, and the generator says so after its bounded number of samples
        NameGenerator tiny = NameGenerator.train(List.of("t", "ab", "xy", "q", "ba"), ProgressListener.NONE);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tiny.generate(3, 0.01, 1, false));
        assertTrue(e.getMessage().contains("at least 3 letters"), e.getMessage());
        assertFalse(NameGenerator.wellFormed("T"));
        assertFalse(NameGenerator.wellFormed("a".repeat(NameGenerator.MAX_LENGTH + 1)));
        assertTrue(NameGenerator.wellFormed("Rex"));
    }

    @Test
    void eightThreadsGenerateWhatOneDoes() {
        List<Long> seeds = LongStream.rangeClosed(1, 16).boxed().toList();
        long compared = ParallelAgreement.check(8, Duration.ofSeconds(2), seeds, seed -> dinos.generate(5, 1.0, seed));
        assertTrue(compared >= 8 * seeds.size(), compared + " answers compared");
    }

    @Test
    void sameSeedSameNames() {
        assertEquals(dinos.generate(20, 0.9, 123), dinos.generate(20, 0.9, 123));
    }

    @Test
    void saveAndLoadKeepModelAndKnownNames(@TempDir Path dir) throws IOException {
        dinos.save(dir.resolve("m"));
        NameGenerator loaded = NameGenerator.load(dir.resolve("m"));
        assertEquals(dinos.generate(15, 1.0, 5), loaded.generate(15, 1.0, 5));
        assertTrue(loaded.isKnown("Tyrannosaurus"));
    }

    @Test
    void listsWithoutNamesAreRejectedClearly() {
        IllegalArgumentException empty = assertThrows(
                IllegalArgumentException.class, () -> NameGenerator.train(List.of("", "  "), ProgressListener.NONE));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        IllegalArgumentException digits = assertThrows(
                IllegalArgumentException.class,
                () -> NameGenerator.train(List.of("123", "4.5"), ProgressListener.NONE));
        assertTrue(digits.getMessage().contains("no letters"), digits.getMessage());
        assertEquals("Mr Mime-Junior", NameGenerator.capitalise("mr mime-junior"));
    }
}
