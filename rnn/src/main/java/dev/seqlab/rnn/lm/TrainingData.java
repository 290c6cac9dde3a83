package dev.seqlab.rnn.lm;

import dev.seqlab.core.random.SeededRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a character model learns from: running text (a book), or a list of lines each of which
 * is a sequence of its own (names). Splits off a validation part deterministically.
 */
public final class TrainingData {
    private final String text;
    private final List<String> lines;

    private TrainingData(String text, List<String> lines) {
        this.text = text;
        this.lines = lines;
    }

    /** Running text, cut into windows for training. */
    public static TrainingData text(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the training text is empty");
        }
        return new TrainingData(text, null);
    }

    /** Separate lines; blank lines are dropped. */
    public static TrainingData lines(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String l : lines) {
            String s = l.strip();
            if (!s.isEmpty()) {
                kept.add(s);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no non-empty lines to train on");
        }
        return new TrainingData(null, List.copyOf(kept));
    }

    /** True for line data. */
    public boolean isLines() {
        return lines != null;
    }

    /** The lines (line data only). */
    public List<String> lines() {
        return lines;
    }

    /** The vocabulary this data needs ({@code '\n'} included for line data). */
    public CharVocabulary vocabulary() {
        return CharVocabulary.of(isLines() ? String.join("\n", lines) + "\n" : text);
    }

    /** Training batches for one epoch under {@code vocab}, and the validation batches. */
    Split split(CharVocabulary vocab, TrainOptions o) {
        SeededRandom rng = new SeededRandom(o.seed() ^ 0x5EEDL);
        if (isLines()) {
            List<String> shuffled = new ArrayList<>(lines);
            int[] order = new int[shuffled.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            rng.shuffle(order);
            List<String> tr = new ArrayList<>();
            List<String> va = new ArrayList<>();
            int nVal = (int) Math.round(order.length * o.validationFraction());
            for (int i = 0; i < order.length; i++) {
                (i < nVal ? va : tr).add(lines.get(order[i]));
            }
            return new Split(null, tr, va.isEmpty() ? List.of() : CharBatches.lines(va, vocab, o.batchSize(), null));
        }
        int[] ids = vocab.encode(text);
        int nVal = (int) Math.round(ids.length * o.validationFraction());
        int[] tr = Arrays.copyOfRange(ids, 0, ids.length - nVal);
        int[] va = Arrays.copyOfRange(ids, ids.length - nVal, ids.length);
        List<CharBatch> valBatches =
                va.length > o.seqLength() ? CharBatches.windows(va, o.seqLength(), o.batchSize(), null) : List.of();
        return new Split(tr, null, valBatches);
    }

    /** Training material and validation batches. */
    record Split(int[] trainIds, List<String> trainLines, List<CharBatch> validation) {

        /** The training batches, reordered by the loop every epoch. */
        CharBatchSource source(CharVocabulary vocab, TrainOptions o) {
            return trainIds != null
                    ? CharBatchSource.windows(trainIds, o.seqLength(), o.batchSize())
                    : CharBatchSource.lines(trainLines, vocab, o.batchSize());
        }
    }
}
