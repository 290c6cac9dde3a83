package dev.seqlab.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LineProgressTest {

    @Test
    void lineShowsPercentRateAndEta() {
        LineProgress p = new LineProgress(new PrintWriter(new StringWriter()), 5000);
        p.start("Training", 1_000_000, "words");
        p.status("lr 0.0250");
        long t0 = System.nanoTime();
        // Halfway after two (pretend) seconds: 250k words/s, 2 s to go.
        String line = p.line(500_000, t0 + 2_000_000_000L, false);
        assertEquals(
                "Training: 50% (500.0k/1.00M words), 250.0k words/s, ETA 0:02, lr 0.0250",
                line.replaceAll("\\d+\\.\\dk words/s", "250.0k words/s"));
    }

    @Test
    void quickPhasesPrintNothing() {
        StringWriter s = new StringWriter();
        LineProgress p = new LineProgress(new PrintWriter(s), 5000);
        p.start("Loading", 10, "lines");
        p.advance(10);
        p.finish();
        assertEquals("", s.toString());
    }

    @Test
    void humanNumbersAndDurations() {
        assertEquals("999", LineProgress.human(999));
        assertEquals("12.3k", LineProgress.human(12_345));
        assertEquals("7.20M", LineProgress.human(7_200_000));
        assertEquals("1:01:01", LineProgress.duration(3661));
        assertEquals("0:59", LineProgress.duration(59));
    }
}
