package dev.seqlab.attention.plot;

import dev.seqlab.core.plot.Canvas;
import dev.seqlab.core.plot.PngFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An attention map: one row per output symbol, one column per input symbol, each cell shaded by
 * its weight (white 0 → dark blue 1), labelled on both axes, with a colour scale, as the course
 * draws them.
 */
public final class AttentionMap {
    private static final int CELL = 28;
    private static final int LEFT = 60;
    private static final int TOP = 70;

    private AttentionMap() {}

    /**
     * Draws {@code weights[row][col]} and writes a PNG atomically.
     *
     * @throws IllegalArgumentException if the labels do not match the weights' shape
     */
    public static void write(Path png, float[][] weights, List<String> rows, List<String> cols, String title)
            throws IOException {
        PngFiles.write(png, render(weights, rows, cols, title));
    }

    static BufferedImage render(float[][] w, List<String> rows, List<String> cols, String title) {
        if (w.length != rows.size()) {
            throw new IllegalArgumentException(w.length + " weight rows but " + rows.size() + " row labels");
        }
        int n = cols.size();
        int width = LEFT + n * CELL + 120;
        int height = TOP + rows.size() * CELL + 40;
        Canvas canvas = Canvas.white(Math.max(width, 420), height, Canvas.Smoothing.TEXT);
        Graphics2D g = canvas.graphics();
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 10, 20);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 15));
        FontMetrics fm = g.getFontMetrics();
        for (int c = 0; c < n; c++) {
            String s = cols.get(c);
            g.drawString(s, LEFT + c * CELL + (CELL - fm.stringWidth(s)) / 2, TOP - 10);
        }
        for (int r = 0; r < rows.size(); r++) {
            if (w[r].length < n) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + w[r].length + " weights for " + n + " columns");
            }
            String s = rows.get(r);
            g.setColor(Color.BLACK);
            g.drawString(s, LEFT - 12 - fm.stringWidth(s), TOP + r * CELL + CELL / 2 + 5);
            for (int c = 0; c < n; c++) {
                g.setColor(shade(w[r][c]));
                g.fillRect(LEFT + c * CELL, TOP + r * CELL, CELL - 1, CELL - 1);
            }
        }
        // colour scale
        int sx = LEFT + n * CELL + 30;
        for (int i = 0; i <= 100; i++) {
            g.setColor(shade(1 - i / 100f));
            g.fillRect(sx, TOP + i * rows.size() * CELL / 101, 16, rows.size() * CELL / 101 + 1);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("1.0", sx + 20, TOP + 8);
        g.drawString("0.0", sx + 20, TOP + rows.size() * CELL);
        g.drawString(String.format(Locale.ROOT, "inputs → (%d)", n), LEFT, height - 12);
        return canvas.finish();
    }

    private static Color shade(float w) {
        float x = Math.max(0f, Math.min(1f, w));
        int r = Math.round(255 - x * (255 - 8));
        int gr = Math.round(255 - x * (255 - 48));
        int b = Math.round(255 - x * (255 - 107));
        return new Color(r, gr, b);
    }
}
