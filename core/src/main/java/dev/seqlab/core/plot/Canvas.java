package dev.seqlab.core.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A white RGB picture and the graphics to draw on it, with text always antialiased and shapes
 * antialiased when asked (charts with lines and points; grids of cells stay crisp).
 */
public final class Canvas {
    /** Which drawing is antialiased. */
    public enum Smoothing {
        /** Text only: cell grids and piano rolls, whose rectangles must keep sharp edges. */
        TEXT,
        /** Text and shapes: charts with lines, curves and round points. */
        TEXT_AND_SHAPES
    }

    private final BufferedImage image;
    private final Graphics2D graphics;

    private Canvas(BufferedImage image, Graphics2D graphics) {
        this.image = image;
        this.graphics = graphics;
    }

    /**
     * A {@code width × height} picture filled with white.
     *
     * @throws IllegalArgumentException if a size is not positive
     */
    public static Canvas white(int width, int height, Smoothing smoothing) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a picture needs a positive size, got " + width + " × " + height);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        if (smoothing == Smoothing.TEXT_AND_SHAPES) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        return new Canvas(img, g);
    }

    /** The graphics to draw with. */
    public Graphics2D graphics() {
        return graphics;
    }

    /** Releases the graphics and returns the finished picture. */
    public BufferedImage finish() {
        graphics.dispose();
        return image;
    }
}
