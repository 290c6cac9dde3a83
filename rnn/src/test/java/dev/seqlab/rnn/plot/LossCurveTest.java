package dev.seqlab.rnn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossCurveTest {

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void writesAReadablePngWithBothCurves(@TempDir Path dir) throws Exception {
        List<Double> batches = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batches.add(3.0 * Math.exp(-i / 80.0) + 1.0 + 0.1 * Math.sin(i));
        }
        Path png = dir.resolve("loss.png");
        LossCurve.write(png, batches, 100, List.of(2.1, 1.6, 1.45), "test run");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        assertEquals(520, img.getHeight());
        assertTrue(count(img, 0x1F77B4) > 300, "training curve drawn");
        assertTrue(count(img, 0xD62728) > 50, "validation points drawn");
        assertThrows(
                IllegalArgumentException.class,
                () -> LossCurve.write(dir.resolve("x.png"), List.of(), 1, List.of(), "t"));
    }
}
