package dev.seqlab.classify.eval;

import java.util.List;
import java.util.Locale;

/** An {@link Evaluation} as plain-text tables: per-class scores, then the confusion matrix. */
public final class ConfusionMatrixTable {

    private ConfusionMatrixTable() {}

    /** The report: accuracy, one row per class, the macro averages, the matrix (rows: truth). */
    public static String format(Evaluation e) {
        List<String> labels = e.labels();
        int w = Math.max(9, labels.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "accuracy %.4f on %d sentences%n%n", e.accuracy(), e.sentences()));
        sb.append(String.format(
                Locale.ROOT, "%-" + w + "s %9s %9s %9s %9s%n", "class", "precision", "recall", "f1", "support"));
        for (ClassMetrics c : e.classes()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%-" + w + "s %9.4f %9.4f %9.4f %9d%n",
                    c.label(),
                    c.precision(),
                    c.recall(),
                    c.f1(),
                    c.support()));
        }
        sb.append(String.format(
                Locale.ROOT,
                "%-" + w + "s %9.4f %9.4f %9.4f %9d%n%n",
                "macro avg",
                e.macroPrecision(),
                e.macroRecall(),
                e.macroF1(),
                e.sentences()));
        sb.append("confusion matrix (rows: true class, columns: predicted)\n");
        int cw = Math.max(7, labels.stream().mapToInt(String::length).max().orElse(0));
        sb.append(String.format(Locale.ROOT, "%-" + w + "s", ""));
        for (String l : labels) {
            sb.append(String.format(Locale.ROOT, " %" + cw + "s", l));
        }
        sb.append('\n');
        long[][] m = e.confusion();
        for (int t = 0; t < labels.size(); t++) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s", labels.get(t)));
            for (int p = 0; p < labels.size(); p++) {
                sb.append(String.format(Locale.ROOT, " %" + cw + "d", m[t][p]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
