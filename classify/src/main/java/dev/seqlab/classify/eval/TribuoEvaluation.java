package dev.seqlab.classify.eval;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.ConfusionMatrix;
import org.tribuo.classification.evaluation.LabelEvaluation;

/**
 * Tribuo's {@link LabelEvaluation} as an {@link Evaluation}: the scores Tribuo computed, in the
 * model's label order (a score Tribuo leaves undefined, 0/0, reads as 0, as {@link Evaluation#of}
 * has it).
 */
public final class TribuoEvaluation {

    private TribuoEvaluation() {}

    /** {@code e} with its classes in the order of {@code labels}. */
    public static Evaluation of(LabelEvaluation e, List<String> labels) {
        int k = labels.size();
        ConfusionMatrix<Label> cm = e.getConfusionMatrix();
        long[][] m = new long[k][k];
        long n = 0;
        List<ClassMetrics> per = new ArrayList<>(k);
        double sp = 0;
        double sr = 0;
        double sf = 0;
        for (int t = 0; t < k; t++) {
            Label truth = new Label(labels.get(t));
            for (int p = 0; p < k; p++) {
                m[t][p] = Math.round(cm.confusion(new Label(labels.get(p)), truth));
                n += m[t][p];
            }
            double precision = defined(e.precision(truth));
            double recall = defined(e.recall(truth));
            double f1 = defined(e.f1(truth));
            per.add(new ClassMetrics(labels.get(t), precision, recall, f1, Math.round(cm.support(truth))));
            sp += precision;
            sr += recall;
            sf += f1;
        }
        return new Evaluation(e.accuracy(), per, sp / k, sr / k, sf / k, m, n);
    }

    private static double defined(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
