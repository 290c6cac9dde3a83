package dev.seqlab.embeddings.fasttext.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.checkpoint.TrainingStoppedException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.corpora.text.Corpus;
import dev.seqlab.embeddings.fasttext.FastTextArchitecture;
import dev.seqlab.embeddings.fasttext.FastTextModel;
import dev.seqlab.embeddings.fixtures.Stops;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fastText run asked to stop writes a checkpoint; resuming it with one thread gives the same matrices as a run that never stopped. */
class FastTextResumeTest {
    @TempDir
    Path dir;

    private static List<List<String>> corpus() {
        SplittableRandom rnd = new SplittableRandom(8);
        List<List<String>> out = new ArrayList<>();
        for (int s = 0; s < 6_000; s++) {
            List<String> sentence = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sentence.add("w" + rnd.nextInt(60) + (rnd.nextBoolean() ? "ed" : "ing"));
            }
            out.add(sentence);
        }
        return out;
    }

    @Test
    void stoppedAndResumedGivesTheSameMatrices() throws Exception {
        List<List<String>> sentences = corpus();
        FastTextOptions o = FastTextOptions.defaults()
                .withArchitecture(FastTextArchitecture.CBOW)
                .withDim(12)
                .withBucket(3_000)
                .withEpoch(2)
                .withT(1e-3);
        FastTextModel whole = FastText.train(Corpus.of(sentences), o);
        Path checkpoint = dir.resolve("model.checkpoint");
        TrainingStoppedException stopped = assertThrows(
                TrainingStoppedException.class,
                () -> FastText.train(Corpus.of(sentences), o, ProgressListener.NONE, Stops.afterPolls(3), checkpoint));
        assertTrue(stopped.stepsDone() > 0 && stopped.stepsDone() < stopped.stepsTotal(), stopped.getMessage());
        // stopped again after the epoch boundary
        assertThrows(
                TrainingStoppedException.class,
                () -> FastText.resume(checkpoint, o, ProgressListener.NONE, Stops.afterPolls(4)));
        FastTextModel resumed = FastText.resume(checkpoint, o, ProgressListener.NONE, () -> false)
                .model();
        assertArrayEquals(whole.input().asArray(), resumed.input().asArray());
        assertArrayEquals(whole.output().asArray(), resumed.output().asArray());
        IllegalArgumentException other = assertThrows(
                IllegalArgumentException.class,
                () -> FastText.resume(checkpoint, o.withDim(13), ProgressListener.NONE, () -> false));
        assertTrue(other.getMessage().contains("other options"), other.getMessage());
    }
}
