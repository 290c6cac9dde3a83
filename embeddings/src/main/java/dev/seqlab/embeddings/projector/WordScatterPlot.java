package dev.seqlab.embeddings.projector;

import dev.seqlab.core.plot.Canvas;
import dev.seqlab.core.plot.PlotArea;
import dev.seqlab.core.plot.PngFiles;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.pca.PrincipalComponents;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * A 2-D scatter plot of chosen words: their vectors projected on the first two principal
 * components of those same vectors (computed in double, see {@link PrincipalComponents}), each
 * point labelled with its word, the axes saying how much of the words' variance they hold.
 *
 * <pre>{@code
 * WordScatterPlot plot = WordScatterPlot.of(vectors, List.of("king", "queen", "man", "woman"));
 * plot.writePng(Path.of("words.png"));
 * }</pre>
 */
public final class WordScatterPlot {
    private static final int W = 1000;
    private static final int H = 760;
    private static final int LEFT = 80;
    private static final int RIGHT = 40;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;
    private static final Color POINT = new Color(31, 119, 180);
    private static final Color GRID = new Color(232, 232, 232);

    private final List<String> words;
    private final double[][] points;
    private final double[] explained;

    private WordScatterPlot(List<String> words, double[][] points, double[] explained) {
        this.words = words;
        this.points = points;
        this.explained = explained;
    }

    /**
     * Projects the vectors of {@code words} (repeats dropped) on their first two principal components.
     *
     * @throws IllegalArgumentException if fewer than two distinct words are given or a word is not
     *                                  in the vectors (the message lists every missing word)
     */
    public static WordScatterPlot of(WordVectors vectors, List<String> words) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(words));
        if (distinct.size() < 2) {
            throw new IllegalArgumentException(
                    "a scatter plot needs at least two different words, got " + distinct.size());
        }
        List<String> missing = new ArrayList<>();
        for (String w : distinct) {
            if (!vectors.contains(w)) {
                missing.add(w);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("not in the vocabulary: " + String.join(", ", missing));
        }
        if (vectors.dimension() < 2) {
            throw new IllegalArgumentException("the vectors have one dimension; a 2-D plot needs at least two");
        }
        float[][] rows = new float[distinct.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = vectors.vector(distinct.get(i));
        }
        PrincipalComponents pca = PrincipalComponents.of(rows, 2);
        double[][] points = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            points[i] = pca.project(rows[i]);
        }
        return new WordScatterPlot(distinct, points, new double[] {pca.explainedRatio(0), pca.explainedRatio(1)});
    }

    /** The plotted words, in order. */
    public List<String> words() {
        return words;
    }

    /** The 2-D coordinates of word {@code i} (along the first and second component). */
    public double[] point(int i) {
        return points[i].clone();
    }

    /** The share of the words' variance along component {@code c} (0 or 1). */
    public double explainedRatio(int c) {
        return explained[c];
    }

    /** Draws the plot and writes it as a PNG, atomically. */
    public void writePng(Path png) throws IOException {
        PngFiles.write(png, render());
    }

    /** Draws the plot. */
    public BufferedImage render() {
        Canvas canvas = Canvas.white(W, H, Canvas.Smoothing.TEXT_AND_SHAPES);
        Graphics2D g = canvas.graphics();
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        double[] x = range(0);
        double[] y = range(1);
        PlotArea area = new PlotArea(LEFT, TOP, pw, ph, x[0], x[1], y[0], y[1]);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics small = g.getFontMetrics();
        double xStep = niceStep(x[1] - x[0]);
        for (double vx = Math.ceil(x[0] / xStep) * xStep; vx <= x[1]; vx += xStep) {
            int sx = (int) Math.round(area.px(vx));
            g.setColor(GRID);
            g.drawLine(sx, TOP, sx, TOP + ph);
            g.setColor(Color.DARK_GRAY);
            String t = tick(vx, xStep);
            g.drawString(t, sx - small.stringWidth(t) / 2, TOP + ph + 18);
        }
        double yStep = niceStep(y[1] - y[0]);
        for (double vy = Math.ceil(y[0] / yStep) * yStep; vy <= y[1]; vy += yStep) {
            int sy = (int) Math.round(area.py(vy));
            g.setColor(GRID);
            g.drawLine(LEFT, sy, LEFT + pw, sy);
            g.setColor(Color.DARK_GRAY);
            String t = tick(vy, yStep);
            g.drawString(t, LEFT - 8 - small.stringWidth(t), sy + 4);
        }
        area.drawFrame(g);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        String xl =
                String.format(Locale.ROOT, "first principal component (%.1f%% of the variance)", 100 * explained[0]);
        g.drawString(xl, LEFT + (pw - g.getFontMetrics().stringWidth(xl)) / 2, H - 22);
        String yl = String.format(Locale.ROOT, "second principal component (%.1f%%)", 100 * explained[1]);
        g.rotate(-Math.PI / 2);
        g.drawString(yl, -(TOP + (ph + g.getFontMetrics().stringWidth(yl)) / 2), 22);
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.drawString(words.size() + " words, PCA of their vectors", LEFT, 36);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        FontMetrics fm = g.getFontMetrics();
        List<Rectangle> taken = new ArrayList<>();
        int[][] centre = new int[words.size()][];
        for (int i = 0; i < words.size(); i++) {
            int cx = (int) Math.round(area.px(points[i][0]));
            int cy = (int) Math.round(area.py(points[i][1]));
            centre[i] = new int[] {cx, cy};
            taken.add(new Rectangle(cx - 5, cy - 5, 10, 10));
        }
        g.setStroke(new BasicStroke(1.5f));
        for (int i = 0; i < words.size(); i++) {
            g.setColor(POINT);
            g.fillOval(centre[i][0] - 5, centre[i][1] - 5, 10, 10);
        }
        for (int i = 0; i < words.size(); i++) {
            Rectangle label = placeLabel(words.get(i), centre[i][0], centre[i][1], fm, taken);
            taken.add(label);
            g.setColor(Color.BLACK);
            g.drawString(words.get(i), label.x, label.y + fm.getAscent());
        }
        return canvas.finish();
    }

    /** Tries eight spots around the point and takes the first that overlaps no earlier label or point. */
    private static Rectangle placeLabel(String word, int cx, int cy, FontMetrics fm, List<Rectangle> taken) {
        int w = fm.stringWidth(word);
        int h = fm.getAscent() + fm.getDescent();
        int[][] offsets = {
            {8, -h / 2},
            {8, -h - 2},
            {8, 2},
            {-8 - w, -h / 2},
            {-8 - w, -h - 2},
            {-8 - w, 2},
            {-w / 2, -h - 8},
            {-w / 2, 8}
        };
        Rectangle first = null;
        for (int[] o : offsets) {
            Rectangle r = new Rectangle(cx + o[0], cy + o[1], w, h);
            if (first == null) {
                first = r;
            }
            if (r.x < 2 || r.x + w > W - 2 || r.y < TOP - 20 || r.y + h > H - 2) {
                continue;
            }
            boolean free = true;
            for (Rectangle t : taken) {
                if (t.intersects(r)) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return r;
            }
        }
        return first;
    }

    /** The axis range of coordinate {@code c}, padded so labels fit inside the frame. */
    private double[] range(int c) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            lo = Math.min(lo, p[c]);
            hi = Math.max(hi, p[c]);
        }
        double span = hi - lo;
        if (span < 1e-12) {
            span = Math.max(1e-6, Math.abs(hi));
        }
        double padLow = c == 0 ? 0.06 : 0.08;
        double padHigh = c == 0 ? 0.2 : 0.08;
        return new double[] {lo - padLow * span, hi + padHigh * span};
    }

    /** A step of 1, 2 or 5 times a power of ten giving about five ticks over {@code span}. */
    private static double niceStep(double span) {
        double raw = span / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * power;
    }

    private static String tick(double v, double step) {
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }
}
