package dev.seqlab.classify.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a classifier labels some sentences.
 *
 * @param accuracy       the share labelled right
 * @param classes        per-class scores, in the model's label order
 * @param macroPrecision the unweighted mean of the classes' precision
 * @param macroRecall    the unweighted mean of the classes' recall
 * @param macroF1        the unweighted mean of the classes' F1
 * @param confusion      {@code confusion[truth][predicted]} sentence counts, in label order
 * @param sentences      sentences evaluated
 */
public record Evaluation(
        double accuracy,
        List<ClassMetrics> classes,
        double macroPrecision,
        double macroRecall,
        double macroF1,
        long[][] confusion,
        long sentences) {

    /** Copies the class list. */
    public Evaluation {
        classes = List.copyOf(classes);
    }

    /**
     * The scores of predictions {@code predicted} against truths {@code truth} (class ids into
     * {@code labels}).
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    public static Evaluation of(List<String> labels, int[] truth, int[] predicted) {
        if (truth.length != predicted.length || truth.length == 0) {
            throw new IllegalArgumentException(
                    "need as many predictions as truths, at least one: " + truth.length + " vs " + predicted.length);
        }
        int k = labels.size();
        long[][] m = new long[k][k];
        long right = 0;
        for (int i = 0; i < truth.length; i++) {
            m[truth[i]][predicted[i]]++;
            if (truth[i] == predicted[i]) {
                right++;
            }
        }
        List<ClassMetrics> per = new ArrayList<>(k);
        double sp = 0;
        double sr = 0;
        double sf = 0;
        for (int c = 0; c < k; c++) {
            long tp = m[c][c];
            long predictedC = 0;
            long actualC = 0;
            for (int o = 0; o < k; o++) {
                predictedC += m[o][c];
                actualC += m[c][o];
            }
            double p = predictedC == 0 ? 0 : tp / (double) predictedC;
            double r = actualC == 0 ? 0 : tp / (double) actualC;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            per.add(new ClassMetrics(labels.get(c), p, r, f, actualC));
            sp += p;
            sr += r;
            sf += f;
        }
        return new Evaluation(right / (double) truth.length, per, sp / k, sr / k, sf / k, m, truth.length);
    }

    /** The class labels, in order. */
    public List<String> labels() {
        return classes.stream().map(ClassMetrics::label).toList();
    }
}
