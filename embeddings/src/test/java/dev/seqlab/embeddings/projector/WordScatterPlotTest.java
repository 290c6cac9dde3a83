package dev.seqlab.embeddings.projector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fixtures.Vectors;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordScatterPlotTest {

    @TempDir
    Path dir;

    // a cross around (1, 1, 1, 1): ±2 along the first axis, ±1 along the second
    private final WordVectors table = Vectors.of(
            List.of("east", "west", "north", "south", "far"),
            new float[][] {{3, 1, 1, 1}, {-1, 1, 1, 1}, {1, 2, 1, 1}, {1, 0, 1, 1}, {9, 9, 9, 9}});

    @Test
    void projectsOnTheWordsOwnPrincipalComponents() {
        WordScatterPlot plot = WordScatterPlot.of(table, List.of("east", "west", "north", "south", "east"));
        assertEquals(List.of("east", "west", "north", "south"), plot.words());
        assertArrayEquals(new double[] {2, 0}, plot.point(0), 1e-12);
        assertArrayEquals(new double[] {-2, 0}, plot.point(1), 1e-12);
        assertArrayEquals(new double[] {0, 1}, plot.point(2), 1e-12);
        assertArrayEquals(new double[] {0, -1}, plot.point(3), 1e-12);
        assertEquals(0.8, plot.explainedRatio(0), 1e-12);
        assertEquals(0.2, plot.explainedRatio(1), 1e-12);
    }

    @Test
    void writesAPngWithAPointWhereEachWordIs() throws Exception {
        WordScatterPlot plot = WordScatterPlot.of(table, List.of("east", "west", "north", "south"));
        Path png = dir.resolve("words.png");
        plot.writePng(png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(760, img.getHeight());
        // east is the right-most point, at mid height: the x range is [-2 - 0.24, 2 + 0.8]
        // over 880 px from x = 80, the y range [-1.16, 1.16] over 630 px from y = 60
        int x = (int) Math.round(80 + (2 + 2.24) / 5.04 * 880);
        int y = (int) Math.round(60 + 1.16 / 2.32 * 630);
        assertEquals(0x1f77b4, img.getRGB(x, y) & 0xffffff, "point colour at east");
        assertEquals(0xffffff, img.getRGB(x - 30, y - 40) & 0xffffff, "background up left of east");
        int dark = 0;
        for (int px = x + 8; px < x + 60; px++) {
            for (int py = y - 12; py < y + 12; py++) {
                if ((img.getRGB(px, py) & 0xff) < 100) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 20, "the label 'east' is written right of its point (" + dark + " dark pixels)");
    }

    @Test
    void rejectsMissingWordsAndTooFewWords() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> WordScatterPlot.of(table, List.of("east", "up", "down")));
        assertEquals("not in the vocabulary: up, down", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WordScatterPlot.of(table, List.of("east", "east")));
    }
}
