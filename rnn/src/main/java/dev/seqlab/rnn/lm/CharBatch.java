package dev.seqlab.rnn.lm;

/**
 * One training batch, time-major: at step t, sequence b reads {@code inputs[t·B + b]} (a
 * character id, or -1 for "no character", the zero vector that starts a line) and should predict
 * {@code targets[t·B + b]} (-1 for padding, not counted).
 *
 * @param steps   T
 * @param batch   B
 * @param inputs  {@code [T·B]} input ids
 * @param targets {@code [T·B]} target ids
 * @param lengths each sequence's length, or null when all have T steps
 */
public record CharBatch(int steps, int batch, int[] inputs, int[] targets, int[] lengths) {

    /** Checks the sizes agree. */
    public CharBatch {
        if (inputs.length != steps * batch || targets.length != steps * batch) {
            throw new IllegalArgumentException("a " + steps + "×" + batch + " batch needs " + steps * batch
                    + " inputs and targets, got " + inputs.length + " and " + targets.length);
        }
    }

    /** The number of counted targets (characters the batch trains on). */
    public int characters() {
        int n = 0;
        for (int t : targets) {
            if (t >= 0) {
                n++;
            }
        }
        return n;
    }
}
