package dev.seqlab.classify;

import java.util.List;

/**
 * A sentence's most probable classes, best first.
 *
 * @param top the classes and their probabilities, best first (at least one)
 */
public record Prediction(List<ClassScore> top) {

    /** Checks there is at least one class. */
    public Prediction {
        if (top == null || top.isEmpty()) {
            throw new IllegalArgumentException("a prediction needs at least one class");
        }
        top = List.copyOf(top);
    }

    /** The most probable class. */
    public String label() {
        return top.get(0).label();
    }

    /** Its probability. */
    public double probability() {
        return top.get(0).probability();
    }

    /**
     * One class and its probability.
     *
     * @param label       the class
     * @param probability its probability under the model
     */
    public record ClassScore(String label, double probability) {}
}
