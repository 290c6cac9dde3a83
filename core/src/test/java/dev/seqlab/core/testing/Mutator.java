package dev.seqlab.core.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Mutates valid inputs into hostile ones, as a fuzzer does: bit flips, byte insertions and
 * deletions, truncation, numbers replaced by huge or negative ones (in text and as binary
 * integers), duplicated chunks, invalid UTF-8, NUL bytes, lines joined. Deterministic for a given
 * {@link Random}.
 */
public final class Mutator {
    private static final String[] NUMBERS = {
        "0",
        "-1",
        "-2147483648",
        "2147483647",
        "2147483648",
        "4294967296",
        "9223372036854775807",
        "99999999999999999999999",
        "-9223372036854775808",
        "1e39",
        "-1e309",
        "nan",
        "inf",
        "1e-50",
        "65536",
    };
    private static final long[] INTS = {
        0, 1, -1, 0x7fffffffL, 0x80000000L, 0xffffffffL, 1L << 30, 1L << 31, Long.MAX_VALUE, Long.MIN_VALUE, 0xffffL,
    };
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xff},
        {(byte) 0xc0, (byte) 0x80},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        {(byte) 0xe2, (byte) 0x82},
        {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    };
    private static final int OPERATIONS = 12;

    private Mutator() {}

    /** One to three random mutations of {@code input} (which is not changed). */
    public static byte[] mutate(byte[] input, Random r) {
        byte[] b = input;
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            b = once(b, r);
        }
        return b;
    }

    private static byte[] once(byte[] b, Random r) {
        if (b.length == 0) {
            return insert(b, 0, NUMBERS[r.nextInt(NUMBERS.length)].getBytes(StandardCharsets.US_ASCII));
        }
        int at = r.nextInt(b.length);
        switch (r.nextInt(OPERATIONS)) {
            case 0: {
                byte[] c = b.clone();
                c[at] ^= (byte) (1 << r.nextInt(8));
                return c;
            }
            case 1: {
                byte[] c = b.clone();
                byte[] interesting = {0, (byte) 0xff, 0x7f, (byte) 0x80, '\n', ' ', '\t', '"', '{', '-'};
                c[at] = r.nextBoolean() ? (byte) r.nextInt(256) : interesting[r.nextInt(interesting.length)];
                return c;
            }
            case 2: {
                byte[] ins = new byte[1 + r.nextInt(8)];
                r.nextBytes(ins);
                return insert(b, at, ins);
            }
            case 3:
                return delete(b, at, Math.min(b.length - at, 1 + r.nextInt(Math.max(1, b.length / 8))));
            case 4:
                return Arrays.copyOf(b, r.nextInt(b.length));
            case 5:
                return replaceNumber(b, at, NUMBERS[r.nextInt(NUMBERS.length)], r);
            case 6:
                return insert(b, at, NUMBERS[r.nextInt(NUMBERS.length)].getBytes(StandardCharsets.US_ASCII));
            case 7:
                return overwriteInt(b, r);
            case 8: {
                int len = Math.min(b.length - at, 1 + r.nextInt(Math.max(1, b.length / 4)));
                return insert(b, r.nextInt(b.length + 1), Arrays.copyOfRange(b, at, at + len));
            }
            case 9:
                return insert(b, at, INVALID_UTF8[r.nextInt(INVALID_UTF8.length)]);
            case 10:
                return insert(b, at, new byte[1 + r.nextInt(4)]);
            default: {
                byte[] c = b.clone();
                for (int i = 0; i < c.length; i++) {
                    if (c[i] == '\n') {
                        c[i] = ' ';
                    }
                }
                return c;
            }
        }
    }

    /** Replaces the run of ASCII digits at or after {@code from} (or the first one) by {@code number}. */
    private static byte[] replaceNumber(byte[] b, int from, String number, Random r) {
        int start = digitAtOrAfter(b, from);
        if (start < 0) {
            start = digitAtOrAfter(b, 0);
        }
        if (start < 0) {
            return insert(b, from, number.getBytes(StandardCharsets.US_ASCII));
        }
        int end = start;
        while (end < b.length && b[end] >= '0' && b[end] <= '9') {
            end++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + number.length());
        out.write(b, 0, start);
        out.writeBytes(number.getBytes(StandardCharsets.US_ASCII));
        out.write(b, end, b.length - end);
        return out.toByteArray();
    }

    private static int digitAtOrAfter(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] >= '0' && b[i] <= '9') {
                return i;
            }
        }
        return -1;
    }

    /** Writes an interesting 4- or 8-byte little-endian integer over the bytes at a random place. */
    private static byte[] overwriteInt(byte[] b, Random r) {
        int width = r.nextBoolean() ? 4 : 8;
        if (b.length < width) {
            return b;
        }
        // favour the start, where binary headers are
        int at = r.nextInt(4) == 0 ? r.nextInt(b.length - width + 1) : r.nextInt(Math.min(64, b.length - width + 1));
        ByteBuffer buf = ByteBuffer.wrap(b.clone()).order(ByteOrder.LITTLE_ENDIAN);
        long v = INTS[r.nextInt(INTS.length)];
        if (width == 4) {
            buf.putInt(at, (int) v);
        } else {
            buf.putLong(at, v);
        }
        return buf.array();
    }

    private static byte[] insert(byte[] b, int at, byte[] ins) {
        byte[] c = new byte[b.length + ins.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(ins, 0, c, at, ins.length);
        System.arraycopy(b, at, c, at + ins.length, b.length - at);
        return c;
    }

    private static byte[] delete(byte[] b, int at, int len) {
        byte[] c = new byte[b.length - len];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(b, at + len, c, at, b.length - at - len);
        return c;
    }
}
