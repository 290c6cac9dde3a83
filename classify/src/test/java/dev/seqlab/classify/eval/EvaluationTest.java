package dev.seqlab.classify.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
    // truth:     a a a b b c
    // predicted: a a b b c c
    private static final Evaluation E =
            Evaluation.of(List.of("a", "b", "c"), new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 2, 2});

    @Test
    void scoresByHand() {
        assertEquals(4 / 6.0, E.accuracy(), 1e-12);
        assertArrayEquals(new long[][] {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}}, E.confusion());
        ClassMetrics a = E.classes().get(0);
        assertEquals(1.0, a.precision(), 1e-12);
        assertEquals(2 / 3.0, a.recall(), 1e-12);
        assertEquals(0.8, a.f1(), 1e-12);
        ClassMetrics b = E.classes().get(1);
        assertEquals(0.5, b.precision(), 1e-12);
        assertEquals(0.5, b.recall(), 1e-12);
        ClassMetrics c = E.classes().get(2);
        assertEquals(0.5, c.precision(), 1e-12);
        assertEquals(1.0, c.recall(), 1e-12);
        assertEquals((1 + 0.5 + 0.5) / 3, E.macroPrecision(), 1e-12);
        assertEquals((2 / 3.0 + 0.5 + 1) / 3, E.macroRecall(), 1e-12);
        assertEquals((0.8 + 0.5 + 2 / 3.0) / 3, E.macroF1(), 1e-12);
    }

    @Test
    void aClassNeverPredictedScoresZeroNotNaN() {
        Evaluation e = Evaluation.of(List.of("x", "y"), new int[] {0, 1}, new int[] {0, 0});
        assertEquals(0.0, e.classes().get(1).precision());
        assertEquals(0.0, e.classes().get(1).f1());
    }

    @Test
    void tableAndPictureShowTheMatrix(@TempDir Path dir) throws Exception {
        String t = ConfusionMatrixTable.format(E);
        assertTrue(t.contains("accuracy 0.6667 on 6 sentences"), t);
        assertTrue(t.contains("macro avg"), t);
        assertTrue(t.lines().anyMatch(l -> l.matches("a\\s+2\\s+1\\s+0")), t);
        Path png = dir.resolve("cm.png");
        ConfusionMatrixPng.write(png, E, "test");
        var img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 3 * 56 && img.getHeight() > 3 * 56);
        assertTrue(Files.size(png) > 0);
    }
}
