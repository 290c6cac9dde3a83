package dev.seqlab.rnn.lm;

import dev.seqlab.core.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns training data into batches.
 *
 * <ul>
 *   <li>{@link #windows}: running text (a book) cut into windows of T+1 characters; input is
 *       the first T, target the last T (shifted by one).</li>
 *   <li>{@link #lines}: a list of lines (dinosaur names), each a sequence that starts from the
 *       zero input and ends by predicting {@code '\n'}, as in the course's "Dinosaurus Island";
 *       batches pad to their longest line.</li>
 * </ul>
 */
public final class CharBatches {

    private CharBatches() {}

    /** Windows of {@code steps} characters from {@code ids}, shuffled by {@code rng} (null keeps their order), {@code batch} per batch. */
    public static List<CharBatch> windows(int[] ids, int steps, int batch, SeededRandom rng) {
        return all(CharBatchSource.windows(ids, steps, batch), rng);
    }

    /**
     * Batches of whole lines (each line's characters must be in the vocabulary; {@code '\n'} must be
     * too). Line order is shuffled by {@code rng} (null keeps it).
     */
    public static List<CharBatch> lines(List<String> lines, CharVocabulary vocab, int batch, SeededRandom rng) {
        return all(CharBatchSource.lines(lines, vocab, batch), rng);
    }

    private static List<CharBatch> all(CharBatchSource source, SeededRandom rng) {
        if (rng != null) {
            source.shuffle(rng);
        }
        List<CharBatch> out = new ArrayList<>(source.batches());
        for (int i = 0; i < source.batches(); i++) {
            out.add(source.batch(i));
        }
        return out;
    }
}
