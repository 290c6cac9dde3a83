package dev.seqlab.embeddings.glove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.synthetic.SyntheticRelations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GloVe end to end on {@link SyntheticRelations} (with graded co-occurrence, which GloVe needs): the vectors answer the built-in analogies, a
 * tiny memory budget spills to disk and still learns them, one thread with a seed is
 * reproducible bit for bit, temporary files are cleaned up, options are validated.
 */
class GloVeTrainingTest {
    private static final List<List<String>> CORPUS = SyntheticRelations.corpus(20_000, 7, 0.25);

    private static GloVeOptions small(Path work) {
        return GloVeOptions.defaults()
                .withDim(24)
                .withWindow(5)
                .withWeighting(10, 0.75)
                .withIterations(15)
                .withSeed(3)
                .withWorkDirectory(work);
    }

    private static void assertLearnsRelations(WordVectors wv) {
        double gender = SyntheticRelations.analogyAccuracy(wv, SyntheticRelations.GENDER_PAIRS);
        double capitals = SyntheticRelations.analogyAccuracy(wv, SyntheticRelations.CAPITALS);
        assertTrue(gender >= 0.9, "man : woman :: king : queen analogies " + gender);
        assertTrue(capitals >= 0.9, "france : paris :: japan : tokyo analogies " + capitals);
        assertTrue(wv.similarity("king", "queen") > wv.similarity("king", "tokyo"));
    }

    @Test
    void learnsTheRelationsAndLeavesNoFiles(@TempDir Path work) throws IOException {
        GloVeReport report = GloVe.train(Corpus.of(CORPUS), small(work), ProgressListener.NONE);
        assertLearnsRelations(report.vectors());
        assertEquals(0, report.runs());
        try (var files = Files.list(work)) {
            assertEquals(0, files.count(), "the work directory is removed");
        }
    }

    @Test
    void aTinyBudgetSpillsToDiskAndStillLearns(@TempDir Path work) throws IOException {
        GloVeOptions o = small(work).withMemoryBytes(GloVeOptions.MIN_MEMORY_BYTES);
        GloVeReport report = GloVe.train(Corpus.of(CORPUS), o, ProgressListener.NONE);
        assertTrue(report.runs() > 0, "runs " + report.runs());
        assertTrue(report.countingBytes() <= o.memoryBytes(), "counting used " + report.countingBytes());
        assertLearnsRelations(report.vectors());
        GloVeReport roomy = GloVe.train(Corpus.of(CORPUS), small(work), ProgressListener.NONE);
        assertEquals(roomy.pairs(), report.pairs(), "the same pairs whatever the budget");
    }

    @Test
    void oneThreadWithASeedIsReproducible(@TempDir Path work) {
        GloVeOptions o = small(work).withIterations(3);
        WordVectors first = GloVe.train(CORPUS, o);
        WordVectors second = GloVe.train(CORPUS, o);
        WordVectors other = GloVe.train(CORPUS, o.withSeed(4));
        assertEquals(first.words(), second.words());
        assertArrayEquals(first.vector("paris"), second.vector("paris"));
        assertArrayEquals(first.vector("filler39"), second.vector("filler39"));
        assertFalse(Arrays.equals(first.vector("paris"), other.vector("paris")));
    }

    @Test
    void twoThreadsLearnToo(@TempDir Path work) {
        assertLearnsRelations(GloVe.train(CORPUS, small(work).withThreads(2)));
    }

    @Test
    void optionsNameWhatIsWrong() {
        GloVeOptions d = GloVeOptions.defaults();
        assertEquals(
                "dim must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> d.withDim(0)).getMessage());
        assertEquals(
                "xMax must be positive, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> d.withWeighting(-1, 0.75))
                        .getMessage());
        assertEquals(
                "memoryBytes must be at least 65536 (64 KiB), got 1000",
                assertThrows(IllegalArgumentException.class, () -> d.withMemoryBytes(1000))
                        .getMessage());
        IllegalArgumentException tooRare =
                assertThrows(IllegalArgumentException.class, () -> GloVe.train(List.of(List.of("a", "b")), d));
        assertTrue(tooRare.getMessage().contains("min-count (5)"), tooRare.getMessage());
    }
}
