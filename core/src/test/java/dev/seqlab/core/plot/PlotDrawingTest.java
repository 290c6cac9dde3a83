package dev.seqlab.core.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared drawing: a white canvas, the data-to-pixel map of a plot area, PNG files. */
class PlotDrawingTest {

    @Test
    void plotAreaMapsTheDataRangeOntoTheFrame() {
        PlotArea a = new PlotArea(80, 50, 400, 200, -1, 3, 10, 20);
        assertEquals(80, a.px(-1), 0);
        assertEquals(480, a.px(3), 0);
        assertEquals(280, a.px(1), 0);
        assertEquals(50, a.py(20), 0, "the largest value at the top");
        assertEquals(250, a.py(10), 0);
        assertEquals(150, a.py(15), 0);
        assertEquals(250, a.bottom());
        assertEquals(480, a.right());
    }

    @Test
    void emptyRangesAndSizesAreRefusedByValue() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new PlotArea(0, 0, 10, 10, 1, 1, 0, 1));
        assertEquals("empty data range: x [1.0, 1.0], y [0.0, 1.0]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Canvas.white(0, 5, Canvas.Smoothing.TEXT));
        assertEquals("a picture needs a positive size, got 0 × 5", e.getMessage());
    }

    @Test
    void aCanvasStartsWhiteAndWritesAsPng(@TempDir Path dir) throws IOException {
        Canvas c = Canvas.white(30, 20, Canvas.Smoothing.TEXT_AND_SHAPES);
        PlotArea a = new PlotArea(5, 5, 20, 10, 0, 1, 0, 1);
        a.drawFrame(c.graphics());
        BufferedImage img = c.finish();
        assertEquals(Color.WHITE.getRGB(), img.getRGB(0, 0));
        assertEquals(Color.BLACK.getRGB(), img.getRGB(5, 5), "the frame's corner");
        Path png = dir.resolve("p.png");
        PngFiles.write(png, img);
        BufferedImage back = ImageIO.read(png.toFile());
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                assertEquals(img.getRGB(x, y), back.getRGB(x, y), x + "," + y);
            }
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(f -> f.equals(png)), "no temporary file left");
        }
    }
}
