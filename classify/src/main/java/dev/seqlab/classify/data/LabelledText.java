package dev.seqlab.classify.data;

import java.util.Objects;

/**
 * One sentence and its label (null when the data has no label column, as for prediction).
 *
 * @param text  the sentence
 * @param label its class, any non-blank string, or null
 * @param line  the 1-based line where its record starts in the file it came from (0 when not from a file)
 */
public record LabelledText(String text, String label, long line) {

    /** Checks the text is present. */
    public LabelledText {
        Objects.requireNonNull(text, "text");
    }

    /** A labelled sentence not read from a file. */
    public static LabelledText of(String text, String label) {
        return new LabelledText(text, Objects.requireNonNull(label, "label"), 0);
    }
}
