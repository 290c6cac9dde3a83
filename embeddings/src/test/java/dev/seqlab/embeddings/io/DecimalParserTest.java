package dev.seqlab.embeddings.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte parser against Java's own correctly rounded parser, (float) Double.parseDouble. */
class DecimalParserTest {

    private static float parse(String s) {
        byte[] b = (" " + s + " ").getBytes(StandardCharsets.US_ASCII);
        return DecimalParser.parse(b, 1, b.length - 1);
    }

    private static void check(String s) {
        float expected = (float) Double.parseDouble(s);
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(parse(s)), s);
    }

    @Test
    void agreesWithTheJdkOnManyRandomDecimals() {
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            float f = Float.intBitsToFloat(r.nextInt());
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                continue;
            }
            check(Float.toString(f));
            double g = r.nextGaussian() * Math.pow(10, r.nextInt(12) - 6);
            check(String.format(Locale.ROOT, "%.6f", g));
            check(String.format(Locale.ROOT, "%.5e", g));
            check(Double.toString(g));
        }
    }

    @Test
    void edgeCases() {
        for (String s : new String[] {
            "0",
            "-0",
            "+0.0",
            "1",
            "-1.",
            ".5",
            "1e0",
            "1E-45",
            "1e-46",
            "3.4028235e38",
            "3.5e38",
            "123456789012345678901234567890",
            "0.000000000000000000000000001",
            "9007199254740993",
            "1e22",
            "1e23",
            "4.9e-324",
            "00012.5000"
        }) {
            check(s);
        }
        assertEquals(Float.POSITIVE_INFINITY, parse("inf"));
        assertEquals(Float.NEGATIVE_INFINITY, parse("-Infinity"));
        assertEquals(Float.NaN, parse("nan"));
    }

    @Test
    void rejectsWhatIsNotANumber() {
        for (String s : new String[] {"", "-", "1.2.3", "1e", "abc", "1,5", "0x10", "e5"}) {
            assertThrows(NumberFormatException.class, () -> parse(s), s);
        }
    }
}
