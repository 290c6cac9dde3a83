package dev.seqlab.embeddings.io;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Parses decimal numbers written as ASCII bytes into float32 without creating strings.
 *
 * <p>The result is the double nearest to the decimal (correctly rounded), then rounded to
 * float: exactly what {@code (float) Double.parseDouble(s)} and Python/numpy
 * ({@code numpy.float32(float(s))}, how gensim reads text vectors) give, bit for bit. The common
 * case (at most 18 significant digits whose value is below 2^53, and a decimal exponent within
 * ±22) is one exact integer and one correctly rounded IEEE multiplication or division by an
 * exact power of ten (Clinger's fast path); anything else falls back to
 * {@link Double#parseDouble(String)}. {@code nan}, {@code inf} and {@code infinity} (any case,
 * optionally signed) are accepted as Python's {@code float()} accepts them.
 */
final class DecimalParser {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    };
    private static final long EXACT_LIMIT = 1L << 53;

    private DecimalParser() {}

    /**
     * The float written in {@code b[start, end)}.
     *
     * @throws NumberFormatException if those bytes are not a decimal number
     */
    static float parse(byte[] b, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        boolean digits = false;
        boolean inexact = false;
        while (i < end) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            digits = true;
            if (mantissa != 0 || d != 0) {
                if (significant < 18) {
                    mantissa = mantissa * 10 + d;
                    significant++;
                } else {
                    inexact = true;
                    exponent++;
                }
            }
            i++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                digits = true;
                if (mantissa != 0 || d != 0) {
                    if (significant < 18) {
                        mantissa = mantissa * 10 + d;
                        significant++;
                        exponent--;
                    } else {
                        inexact = true;
                    }
                } else {
                    exponent--;
                }
                i++;
            }
        }
        if (digits && i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negExp = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                negExp = b[i] == '-';
                i++;
            }
            int e = 0;
            boolean expDigits = false;
            while (i < end) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                expDigits = true;
                if (e < 100_000) {
                    e = e * 10 + d;
                }
                i++;
            }
            if (!expDigits) {
                return slow(b, start, end);
            }
            exponent += negExp ? -e : e;
        }
        if (!digits || i != end) {
            return slow(b, start, end);
        }
        if (mantissa == 0) {
            return negative ? -0f : 0f;
        }
        if (inexact || mantissa >= EXACT_LIMIT || exponent < -22 || exponent > 22) {
            return slow(b, start, end);
        }
        double v = exponent >= 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent];
        return (float) (negative ? -v : v);
    }

    /** The general case: Java's correctly rounded parser on the token, or Python's special names. */
    private static float slow(byte[] b, int start, int end) {
        String s = new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (unsigned.equals("nan")) {
            return Float.NaN;
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == '-' || c == '+')) {
                throw new NumberFormatException("not a number: '" + s + "'");
            }
        }
        return (float) Double.parseDouble(s);
    }
}
