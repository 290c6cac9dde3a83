package dev.seqlab.embeddings.glove;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.checkpoint.TrainingStoppedException;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fixtures.Stops;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GloVe run asked to stop (as Ctrl-C / SIGTERM do through the command line) writes a
 * checkpoint; resuming it with one thread gives the same bytes as a run that never stopped, and
 * the same costs.
 */
class GloVeResumeTest {
    private static final BooleanSupplier NEVER = () -> false;
    private static List<List<String>> corpus;

    @TempDir
    Path dir;

    @BeforeAll
    static void corpus() {
        // 600 word types with Zipf-like frequencies: tens of thousands of distinct pairs
        SeededRandom rng = new SeededRandom(3);
        corpus = new ArrayList<>();
        for (int s = 0; s < 4_000; s++) {
            List<String> sentence = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sentence.add("w" + (int) Math.floor(Math.pow(600, rng.nextDouble())));
            }
            corpus.add(sentence);
        }
    }

    private GloVeOptions options() {
        return GloVeOptions.defaults()
                .withDim(8)
                .withWindow(4)
                .withIterations(3)
                .withVocabulary(1, 0)
                .withThreads(1)
                .withSeed(9)
                .withWorkDirectory(dir);
    }

    private byte[] bytes(WordVectors wv, String name) throws IOException {
        return Stops.bytes(wv, dir.resolve(name));
    }

    @Test
    void stoppedInsideAndBetweenIterationsAndResumedGivesTheSameBytesAndCosts() throws Exception {
        GloVeOptions o = options();
        GloVeReport whole = GloVe.train(Corpus.of(corpus), o, ProgressListener.NONE);
        assertTrue(whole.pairs() > 4 * GloVeTraining.STOP_STEP, whole.pairs() + " pairs: several stops per iteration");
        byte[] expected = bytes(whole.vectors(), "whole.bin");
        Path checkpoint = dir.resolve("vectors.bin.checkpoint");
        // 3 polls: the start of iteration 0 and two chunks into it
        TrainingStoppedException inside = assertThrows(
                TrainingStoppedException.class,
                () -> GloVe.train(Corpus.of(corpus), o, ProgressListener.NONE, Stops.afterPolls(3), checkpoint));
        assertEquals(3L * GloVeTraining.STOP_STEP, inside.stepsDone(), inside.getMessage());
        // then again a little later, across the end of iteration 0
        int perIteration = (int) (whole.pairs() / GloVeTraining.STOP_STEP) + 1;
        TrainingStoppedException later = assertThrows(
                TrainingStoppedException.class,
                () -> GloVe.resume(checkpoint, o, ProgressListener.NONE, Stops.afterPolls(perIteration)));
        assertTrue(later.stepsDone() > whole.pairs(), later.getMessage());
        GloVeReport resumed = GloVe.resume(checkpoint, o, ProgressListener.NONE, NEVER);
        assertArrayEquals(expected, bytes(resumed.vectors(), "resumed.bin"));
        assertEquals(whole.costs(), resumed.costs());
        assertEquals(whole.pairs(), resumed.pairs());
    }

    @Test
    void otherOptionsOrADamagedCheckpointAreRefusedClearly() throws Exception {
        GloVeOptions o = options();
        Path checkpoint = dir.resolve("c");
        assertThrows(
                TrainingStoppedException.class,
                () -> GloVe.train(Corpus.of(corpus), o, ProgressListener.NONE, Stops.afterPolls(1), checkpoint));
        IllegalArgumentException other = assertThrows(
                IllegalArgumentException.class,
                () -> GloVe.resume(checkpoint, o.withDim(9), ProgressListener.NONE, NEVER));
        assertTrue(other.getMessage().contains("other options"), other.getMessage());
        byte[] all = Files.readAllBytes(checkpoint);
        Path cut = Files.write(dir.resolve("cut"), Arrays.copyOf(all, all.length - 100));
        MalformedFileException e =
                assertThrows(MalformedFileException.class, () -> GloVe.resume(cut, o, ProgressListener.NONE, NEVER));
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
        // more threads are allowed (then agreeing only statistically)
        assertEquals(
                3,
                GloVe.resume(checkpoint, o.withThreads(2), ProgressListener.NONE, NEVER)
                        .costs()
                        .size());
    }
}
