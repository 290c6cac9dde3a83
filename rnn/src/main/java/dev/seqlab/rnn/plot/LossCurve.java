package dev.seqlab.rnn.plot;

import dev.seqlab.core.plot.Canvas;
import dev.seqlab.core.plot.PlotArea;
import dev.seqlab.core.plot.PngFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A loss-curve picture: training loss per batch (light, with a moving average on top) and
 * validation loss per epoch (points joined by a line), against epochs, with axes and a legend.
 */
public final class LossCurve {
    private static final int W = 900;
    private static final int H = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color TRAIN = new Color(31, 119, 180);
    private static final Color VALIDATION = new Color(214, 39, 40);

    private LossCurve() {}

    /**
     * What the axes and the training series are called.
     *
     * @param x      the horizontal axis (one unit = one epoch's batches)
     * @param y      the vertical axis
     * @param series the legend of the training line
     */
    public record Labels(String x, String y, String series) {
        /** The labels of a character model's training: epochs, nats per character, a moving average. */
        public static final Labels CHARACTER_MODEL =
                new Labels("epoch", "loss (nats per character)", "training (moving average)");
    }

    /**
     * Draws the curves and writes a PNG atomically.
     *
     * @param batchLoss      the loss of every training batch, in order
     * @param batchesPerEpoch to place batches on the epoch axis
     * @param validation     the validation loss after each epoch (may be empty)
     * @param title          shown above the plot
     */
    public static void write(
            Path png, List<Double> batchLoss, int batchesPerEpoch, List<Double> validation, String title)
            throws IOException {
        write(png, batchLoss, batchesPerEpoch, validation, title, Labels.CHARACTER_MODEL);
    }

    /** As {@link #write(Path, List, int, List, String)}, with other axis and legend labels. */
    public static void write(
            Path png, List<Double> batchLoss, int batchesPerEpoch, List<Double> validation, String title, Labels labels)
            throws IOException {
        PngFiles.write(png, render(batchLoss, batchesPerEpoch, validation, title, labels));
    }

    static BufferedImage render(
            List<Double> batchLoss, int batchesPerEpoch, List<Double> validation, String title, Labels labels) {
        if (batchLoss.isEmpty()) {
            throw new IllegalArgumentException("no losses to plot");
        }
        Canvas canvas = Canvas.white(W, H, Canvas.Smoothing.TEXT_AND_SHAPES);
        Graphics2D g = canvas.graphics();
        double epochs = Math.max(1e-9, batchLoss.size() / (double) Math.max(1, batchesPerEpoch));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : batchLoss) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (double v : validation) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi - lo < 1e-9) {
            hi = lo + 1;
        }
        double pad = (hi - lo) * 0.05;
        final double yMin = Math.max(0, lo - pad);
        final double yMax = hi + pad;
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        PlotArea area = new PlotArea(LEFT, TOP, pw, ph, 0, epochs, yMin, yMax);

        // grid and axes
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int i = 0; i <= 5; i++) {
            double v = yMin + (yMax - yMin) * i / 5;
            int y = (int) Math.round(area.py(v));
            g.setColor(new Color(235, 235, 235));
            g.drawLine(LEFT, y, W - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.2f", v), 20, y + 5);
        }
        // from 3 epochs on, ticks at whole epochs (every one up to 10, then every ceil(epochs / 10))
        double step = epochs < 3 ? epochs / Math.max(1, Math.ceil(epochs) * 2) : Math.ceil(epochs / 10);
        for (double e = 0; e <= epochs + 1e-9; e += step) {
            int x = (int) Math.round(area.px(e));
            g.setColor(new Color(235, 235, 235));
            g.drawLine(x, TOP, x, TOP + ph);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, epochs < 3 ? "%.1f" : "%.0f", e), x - 8, TOP + ph + 20);
        }
        area.drawFrame(g);
        g.drawString(labels.x(), LEFT + pw / 2 - 15, H - 18);
        g.rotate(-Math.PI / 2);
        g.drawString(labels.y(), -(TOP + ph / 2 + 80), 14);
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);

        // training loss: raw (light) and moving average
        int n = batchLoss.size();
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(TRAIN.getRed(), TRAIN.getGreen(), TRAIN.getBlue(), 70));
        g.draw(line(batchLoss, n, epochs, area, 1));
        g.setStroke(new BasicStroke(2.2f));
        g.setColor(TRAIN);
        g.draw(line(batchLoss, n, epochs, area, Math.max(1, n / 50)));
        // validation per epoch
        if (!validation.isEmpty()) {
            Path2D.Double v = new Path2D.Double();
            for (int i = 0; i < validation.size(); i++) {
                double x = area.px(i + 1.0);
                double y = area.py(validation.get(i));
                if (i == 0) {
                    v.moveTo(x, y);
                } else {
                    v.lineTo(x, y);
                }
                g.setColor(VALIDATION);
                g.fillOval((int) x - 4, (int) y - 4, 8, 8);
            }
            g.setStroke(new BasicStroke(2.2f));
            g.draw(v);
        }
        // legend
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int lx = W - RIGHT - 190;
        g.setColor(TRAIN);
        g.fillRect(lx, TOP + 12, 18, 4);
        g.setColor(Color.BLACK);
        g.drawString(labels.series(), lx + 24, TOP + 18);
        if (!validation.isEmpty()) {
            g.setColor(VALIDATION);
            g.fillRect(lx, TOP + 32, 18, 4);
            g.setColor(Color.BLACK);
            g.drawString("validation", lx + 24, TOP + 38);
        }
        return canvas.finish();
    }

    private static Path2D line(List<Double> loss, int n, double epochs, PlotArea area, int window) {
        Path2D.Double p = new Path2D.Double();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += loss.get(i);
            if (i >= window) {
                sum -= loss.get(i - window);
            }
            double avg = sum / Math.min(i + 1, window);
            double x = area.px((i + 1) * epochs / n);
            double y = area.py(avg);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        return p;
    }
}
