package dev.seqlab.embeddings.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.checkpoint.TrainingStoppedException;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fixtures.Stops;
import dev.seqlab.embeddings.synthetic.SyntheticRelations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run asked to stop writes a checkpoint; resuming it with one thread gives the same bytes as
 * a run that never stopped. This is the in-process form of Ctrl-C / SIGTERM: the command line
 * only turns the signal into the same {@code stopRequested} (Word2VecCommandTest sends a real
 * SIGTERM).
 */
class Word2VecResumeTest {
    private static final List<List<String>> CORPUS = SyntheticRelations.corpus(9_000, 3);
    private static final BooleanSupplier NEVER = () -> false;

    @TempDir
    Path dir;

    private static Word2VecOptions options(Word2VecArchitecture a, boolean hs) {
        return Word2VecOptions.defaults()
                .withArchitecture(a)
                .withDim(16)
                .withWindow(3)
                .withEpochs(2)
                .withObjective(hs ? 0 : 3, hs)
                .withVocabulary(2, 0)
                .withSample(1e-3)
                .withThreads(1)
                .withSeed(5);
    }

    private byte[] bytes(WordVectors wv, String name) throws IOException {
        return Stops.bytes(wv, dir.resolve(name));
    }

    private byte[] stoppedAndResumed(Word2VecOptions o, int... stops) throws Exception {
        Path checkpoint = dir.resolve("vectors.bin.checkpoint");
        TrainingStoppedException first = assertThrows(
                TrainingStoppedException.class,
                () -> Word2Vec.train(
                        Corpus.of(CORPUS), o, ProgressListener.NONE, Stops.afterPolls(stops[0]), checkpoint));
        assertEquals(checkpoint, first.checkpoint());
        assertTrue(first.stepsDone() > 0 && first.stepsDone() < first.stepsTotal(), first.getMessage());
        for (int i = 1; i < stops.length; i++) {
            int k = stops[i];
            TrainingStoppedException again = assertThrows(
                    TrainingStoppedException.class,
                    () -> Word2Vec.resume(checkpoint, o, ProgressListener.NONE, Stops.afterPolls(k)));
            assertTrue(again.stepsDone() > first.stepsDone(), again.getMessage());
        }
        Word2VecReport done = Word2Vec.resume(checkpoint, o, ProgressListener.NONE, NEVER);
        assertTrue(Files.exists(checkpoint), "the checkpoint stays until the caller has written the output");
        return bytes(done.vectors(), "resumed.bin");
    }

    @Test
    void skipGramStoppedAndResumedGivesTheSameBytes() throws Exception {
        Word2VecOptions o = options(Word2VecArchitecture.SKIP_GRAM, false);
        Word2VecReport whole = Word2Vec.train(Corpus.of(CORPUS), o, ProgressListener.NONE);
        assertTrue(whole.corpusWords() * o.epochs() > 10 * TrainingJob.TARGET_WORDS, "enough jobs to stop between");
        byte[] expected = bytes(whole.vectors(), "whole.bin");
        assertArrayEquals(expected, stoppedAndResumed(o, 3));
        // stopped twice, once across the epoch boundary
        assertArrayEquals(expected, stoppedAndResumed(o, 2, 6));
    }

    @Test
    void cbowWithHierarchicalSoftmaxStoppedAndResumedGivesTheSameBytes() throws Exception {
        Word2VecOptions o = options(Word2VecArchitecture.CBOW, true);
        byte[] expected = bytes(
                Word2Vec.train(Corpus.of(CORPUS), o, ProgressListener.NONE).vectors(), "whole.bin");
        assertArrayEquals(expected, stoppedAndResumed(o, 5));
    }

    @Test
    void aStopBeforeTheFirstJobStillResumesToTheSameBytes() throws Exception {
        Word2VecOptions o = options(Word2VecArchitecture.SKIP_GRAM, false);
        byte[] expected = bytes(
                Word2Vec.train(Corpus.of(CORPUS), o, ProgressListener.NONE).vectors(), "whole.bin");
        Path checkpoint = dir.resolve("c");
        assertThrows(
                TrainingStoppedException.class,
                () -> Word2Vec.train(Corpus.of(CORPUS), o, ProgressListener.NONE, () -> true, checkpoint));
        assertArrayEquals(
                expected,
                bytes(
                        Word2Vec.resume(checkpoint, o, ProgressListener.NONE, NEVER)
                                .vectors(),
                        "r.bin"));
    }

    @Test
    void resumingWithOtherOptionsOrADamagedCheckpointIsRefusedClearly() throws Exception {
        Word2VecOptions o = options(Word2VecArchitecture.SKIP_GRAM, false);
        Path checkpoint = dir.resolve("vectors.txt.checkpoint");
        assertThrows(
                TrainingStoppedException.class,
                () -> Word2Vec.train(Corpus.of(CORPUS), o, ProgressListener.NONE, Stops.afterPolls(2), checkpoint));
        IllegalArgumentException other = assertThrows(
                IllegalArgumentException.class,
                () -> Word2Vec.resume(checkpoint, o.withDim(17), ProgressListener.NONE, NEVER));
        assertTrue(other.getMessage().contains("other options"), other.getMessage());
        // more threads are allowed (the result then agrees only statistically)
        assertEquals(
                Word2Vec.train(Corpus.of(CORPUS), o, ProgressListener.NONE)
                        .vectors()
                        .size(),
                Word2Vec.resume(checkpoint, o.withThreads(2), ProgressListener.NONE, NEVER)
                        .vectors()
                        .size());
        byte[] all = Files.readAllBytes(checkpoint);
        Path cut = dir.resolve("cut.checkpoint");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        MalformedFileException e =
                assertThrows(MalformedFileException.class, () -> Word2Vec.resume(cut, o, ProgressListener.NONE, NEVER));
        assertTrue(e.getMessage().contains("cut.checkpoint") && e.getMessage().contains("incomplete"), e.getMessage());
        Path text = Files.writeString(dir.resolve("text.checkpoint"), "hello world\n");
        assertFalse(assertThrows(IOException.class, () -> Word2Vec.resume(text, o, ProgressListener.NONE, NEVER))
                .getMessage()
                .isEmpty());
    }
}
