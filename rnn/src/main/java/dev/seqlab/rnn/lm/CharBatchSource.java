package dev.seqlab.rnn.lm;

import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.core.train.BatchSource;
import java.util.Arrays;
import java.util.List;

/**
 * Character batches for the {@link dev.seqlab.core.train.TrainingLoop}: windows of running text or
 * whole lines (see {@link CharBatches}), reordered from their natural order by every
 * {@link #shuffle} and built when asked for. A batch weighs its counted characters.
 */
public final class CharBatchSource implements BatchSource<CharBatch> {
    private final int[] ids;
    private final int steps;
    private final List<String> lines;
    private final CharVocabulary vocab;
    private final int batch;
    private final int[] order;

    private CharBatchSource(int[] ids, int steps, List<String> lines, CharVocabulary vocab, int batch, int count) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batch);
        }
        this.ids = ids;
        this.steps = steps;
        this.lines = lines;
        this.vocab = vocab;
        this.batch = batch;
        this.order = new int[count];
        natural();
    }

    /** Windows of {@code steps} characters from {@code ids}, {@code batch} per batch. */
    public static CharBatchSource windows(int[] ids, int steps, int batch) {
        int count = (ids.length - 1) / steps;
        if (count < 1) {
            throw new IllegalArgumentException("the text has " + ids.length + " characters, fewer than one window of "
                    + (steps + 1) + "; use a shorter --seq-length or more text");
        }
        return new CharBatchSource(ids, steps, null, null, batch, count);
    }

    /** Whole lines, {@code batch} per batch ({@code '\n'} must be in the vocabulary). */
    public static CharBatchSource lines(List<String> lines, CharVocabulary vocab, int batch) {
        if (vocab.id('\n') < 0) {
            throw new IllegalArgumentException("a vocabulary for lines must contain '\\n'");
        }
        return new CharBatchSource(null, 0, lines, vocab, batch, lines.size());
    }

    private void natural() {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    @Override
    public int batches() {
        return (order.length + batch - 1) / batch;
    }

    /** Every epoch starts from the natural order, so an epoch's batches depend only on the generator. */
    @Override
    public void shuffle(SeededRandom rng) {
        natural();
        rng.shuffle(order);
    }

    @Override
    public CharBatch batch(int index) {
        int start = index * batch;
        int b = Math.min(batch, order.length - start);
        return ids != null ? window(start, b) : line(start, b);
    }

    @Override
    public long weight(CharBatch b) {
        return b.characters();
    }

    private CharBatch window(int start, int b) {
        int[] in = new int[steps * b];
        int[] tg = new int[steps * b];
        for (int j = 0; j < b; j++) {
            int off = order[start + j] * steps;
            for (int t = 0; t < steps; t++) {
                in[t * b + j] = ids[off + t];
                tg[t * b + j] = ids[off + t + 1];
            }
        }
        return new CharBatch(steps, b, in, tg, null);
    }

    private CharBatch line(int start, int b) {
        int newline = vocab.id('\n');
        int[][] enc = new int[b][];
        int t0 = 0;
        for (int j = 0; j < b; j++) {
            enc[j] = vocab.encode(lines.get(order[start + j]));
            t0 = Math.max(t0, enc[j].length + 1);
        }
        int[] in = new int[t0 * b];
        int[] tg = new int[t0 * b];
        Arrays.fill(tg, -1);
        int[] lengths = new int[b];
        for (int j = 0; j < b; j++) {
            int[] e = enc[j];
            lengths[j] = e.length + 1;
            in[j] = -1; // t = 0: no previous character
            for (int t = 0; t < e.length; t++) {
                tg[t * b + j] = e[t];
                in[(t + 1) * b + j] = e[t];
            }
            tg[e.length * b + j] = newline;
            for (int t = e.length + 1; t < t0; t++) {
                in[t * b + j] = -1;
            }
        }
        return new CharBatch(t0, b, in, tg, lengths);
    }
}
