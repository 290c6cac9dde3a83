package dev.seqlab.core.plot;

import java.awt.Color;
import java.awt.Graphics2D;

/**
 * The framed rectangle of a chart and the linear map from data to pixels inside it: x from
 * {@code xMin} at the left edge to {@code xMax} at the right, y from {@code yMax} at the top to
 * {@code yMin} at the bottom.
 *
 * @param left   the frame's left edge in pixels
 * @param top    the frame's top edge
 * @param width  the frame's width
 * @param height the frame's height
 * @param xMin   the data value at the left edge
 * @param xMax   the data value at the right edge
 * @param yMin   the data value at the bottom edge
 * @param yMax   the data value at the top edge
 */
public record PlotArea(int left, int top, int width, int height, double xMin, double xMax, double yMin, double yMax) {

    /** Validates the sizes and ranges, naming the bad value. */
    public PlotArea {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a plot area needs a positive size, got " + width + " × " + height);
        }
        if (!(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException(
                    "empty data range: x [" + xMin + ", " + xMax + "], y [" + yMin + ", " + yMax + "]");
        }
    }

    /** The horizontal pixel of data value {@code x}. */
    public double px(double x) {
        return left + (x - xMin) / (xMax - xMin) * width;
    }

    /** The vertical pixel of data value {@code y}. */
    public double py(double y) {
        return top + (yMax - y) / (yMax - yMin) * height;
    }

    /** The bottom edge in pixels. */
    public int bottom() {
        return top + height;
    }

    /** The right edge in pixels. */
    public int right() {
        return left + width;
    }

    /** Draws the frame in black. */
    public void drawFrame(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.drawRect(left, top, width, height);
    }
}
