package dev.seqlab.rnn.lm;

import dev.seqlab.core.random.SeededRandom;
import java.util.ArrayList;
import java.util.Arrays;
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

    private CharBatches() {
    }

    /** Windows of {@code steps} characters from {@code ids}, shuffled by {@code rng}, {@code batch} per batch. */
    public static List<CharBatch> windows(int[] ids, int steps, int batch, SeededRandom rng) {
        int count = (ids.length - 1) / steps;
        if (count < 1) {
            throw new IllegalArgumentException("the text has " + ids.length + " characters, fewer than one window of "
                    + (steps + 1) + "; use a shorter --seq-length or more text");
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        if (rng != null) {
            rng.shuffle(order);
        }
        List<CharBatch> out = new ArrayList<>();
        for (int start = 0; start < count; start += batch) {
            int b = Math.min(batch, count - start);
            int[] in = new int[steps * b];
            int[] tg = new int[steps * b];
            for (int j = 0; j < b; j++) {
                int off = order[start + j] * steps;
                for (int t = 0; t < steps; t++) {
                    in[t * b + j] = ids[off + t];
                    tg[t * b + j] = ids[off + t + 1];
                }
            }
            out.add(new CharBatch(steps, b, in, tg, null));
        }
        return out;
    }

    /**
     * Batches of whole lines (each line's characters must be in the vocabulary; {@code '\n'} must be
     * too). Line order is shuffled by {@code rng} (null keeps it).
     */
    public static List<CharBatch> lines(List<String> lines, CharVocabulary vocab, int batch, SeededRandom rng) {
        int newline = vocab.id('\n');
        if (newline < 0) {
            throw new IllegalArgumentException("a vocabulary for lines must contain '\\n'");
        }
        int[] order = new int[lines.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (rng != null) {
            rng.shuffle(order);
        }
        List<CharBatch> out = new ArrayList<>();
        for (int start = 0; start < order.length; start += batch) {
            int b = Math.min(batch, order.length - start);
            int[][] enc = new int[b][];
            int steps = 0;
            for (int j = 0; j < b; j++) {
                enc[j] = vocab.encode(lines.get(order[start + j]));
                steps = Math.max(steps, enc[j].length + 1);
            }
            int[] in = new int[steps * b];
            int[] tg = new int[steps * b];
            Arrays.fill(tg, -1);
            int[] lengths = new int[b];
            for (int j = 0; j < b; j++) {
                int[] e = enc[j];
                lengths[j] = e.length + 1;
                in[j] = -1;                              // t = 0: no previous character
                for (int t = 0; t < e.length; t++) {
                    tg[t * b + j] = e[t];
                    in[(t + 1) * b + j] = e[t];
                }
                tg[e.length * b + j] = newline;
                for (int t = e.length + 1; t < steps; t++) {
                    in[t * b + j] = -1;
                }
            }
            out.add(new CharBatch(steps, b, in, tg, lengths));
        }
        return out;
    }
}
