package dev.seqlab.classify.eval;

import dev.seqlab.core.plot.Canvas;
import dev.seqlab.core.plot.PngFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The confusion matrix as a PNG heat map: rows are true classes, columns predicted ones; each
 * cell is shaded by the share of its row (white 0 → dark blue 1) and shows its count.
 */
public final class ConfusionMatrixPng {
    private static final int CELL = 56;
    private static final int MARGIN = 24;

    private ConfusionMatrixPng() {}

    /** Draws {@code e}'s matrix into {@code png}, titled {@code title}. */
    public static void write(Path png, Evaluation e, String title) throws IOException {
        List<String> labels = e.labels();
        int k = labels.size();
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Canvas probe = Canvas.white(1, 1, Canvas.Smoothing.TEXT);
        FontMetrics fm = probe.graphics().getFontMetrics(font);
        int labelWidth = labels.stream().mapToInt(fm::stringWidth).max().orElse(0) + 10;
        probe.finish();
        int left = MARGIN + 16 + labelWidth;
        int top = MARGIN + 40;
        int width = Math.max(left + k * CELL + MARGIN, fm.stringWidth(title) + 2 * MARGIN);
        int height = top + k * CELL + labelWidth + MARGIN + 16;
        Canvas canvas = Canvas.white(width, height, Canvas.Smoothing.TEXT);
        Graphics2D g = canvas.graphics();
        g.setFont(font.deriveFont(Font.BOLD, 14f));
        g.setColor(Color.BLACK);
        g.drawString(title, MARGIN, MARGIN + 8);
        g.setFont(font);
        long[][] m = e.confusion();
        for (int t = 0; t < k; t++) {
            long row = 0;
            for (long v : m[t]) {
                row += v;
            }
            for (int p = 0; p < k; p++) {
                double share = row == 0 ? 0 : m[t][p] / (double) row;
                g.setColor(shade(share));
                g.fillRect(left + p * CELL, top + t * CELL, CELL, CELL);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                String s = Long.toString(m[t][p]);
                g.drawString(
                        s,
                        left + p * CELL + (CELL - fm.stringWidth(s)) / 2,
                        top + t * CELL + (CELL + fm.getAscent()) / 2 - 2);
            }
            g.setColor(Color.BLACK);
            g.drawString(
                    labels.get(t),
                    left - 6 - fm.stringWidth(labels.get(t)),
                    top + t * CELL + (CELL + fm.getAscent()) / 2 - 2);
        }
        g.setColor(Color.GRAY);
        g.drawRect(left, top, k * CELL, k * CELL);
        g.setColor(Color.BLACK);
        g.drawString("true class", MARGIN, top - 8);
        Graphics2D rotated = (Graphics2D) g.create();
        for (int p = 0; p < k; p++) {
            Graphics2D r = (Graphics2D) rotated.create();
            r.translate(left + p * CELL + CELL / 2 + fm.getAscent() / 2, top + k * CELL + 6);
            r.rotate(Math.PI / 2);
            r.drawString(labels.get(p), 0, 0);
            r.dispose();
        }
        rotated.dispose();
        g.drawString("predicted class", left, height - MARGIN / 2);
        PngFiles.write(png, canvas.finish());
    }

    private static Color shade(double share) {
        int r = (int) Math.round(255 - share * (255 - 8));
        int gr = (int) Math.round(255 - share * (255 - 48));
        int b = (int) Math.round(255 - share * (255 - 107));
        return new Color(r, gr, b);
    }
}
