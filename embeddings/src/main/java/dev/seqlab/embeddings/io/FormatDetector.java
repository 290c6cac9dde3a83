package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.InputFiles;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.embeddings.fasttext.FastTextBinary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recognises a word-vector file from its first bytes: gzip by its magic number (then looks
 * inside), the seqlab format and fastText's {@code .bin} by their magic, a header line of two integers {@code N D} (word2vec or
 * fastText), and then text or binary records by whether the first record after the header is a
 * text line of a word and D numbers. A file without such a header is GloVe text.
 */
public final class FormatDetector {
    /** How many (decompressed) bytes are examined. */
    static final int PEEK = 1 << 16;

    private FormatDetector() {}

    /**
     * Detects the format of {@code file}.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws MalformedFileException            if it is empty or no known format fits
     */
    public static DetectedFormat detect(Path file) throws IOException {
        InputFiles.requireRegularFile(file, "a word-vectors file");
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PEEK);
        }
        boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        if (gzip) {
            try (InputStream in = TextVectorReader.gunzip(file)) {
                head = in.readNBytes(PEEK);
            }
        } else if (SeqlabFormat.hasMagic(head)) {
            return new DetectedFormat(VectorFormat.SEQLAB, false, SeqlabFormat.MATRIX_OFFSET, -1, 0);
        } else if (FastTextBinary.hasMagic(head) || FastTextBinary.hasOldLayoutHeader(head)) {
            return new DetectedFormat(VectorFormat.FASTTEXT_BIN, false, 0, -1, 0);
        }
        return detectContent(file, head, gzip);
    }

    private static DetectedFormat detectContent(Path file, byte[] head, boolean gzip) throws MalformedFileException {
        if (head.length == 0) {
            throw new MalformedFileException(file, 0, "the file is empty");
        }
        int firstEnd = indexOf(head, (byte) '\n', 0);
        if (firstEnd < 0) {
            if (head.length == PEEK) {
                throw new MalformedFileException(
                        file, 1, "no line end in the first " + PEEK + " bytes: not a word-vector file");
            }
            firstEnd = head.length;
        }
        long[] header = parseHeader(head, firstEnd);
        if (header == null) {
            int dim = countNumbers(head, 0, firstEnd);
            if (dim <= 0 && !gzip && head.length >= 4 && controlBytes(head, firstEnd)) {
                throw new MalformedFileException(
                        file,
                        0,
                        String.format(
                                "binary data of no format seqlab reads: not a fastText model (it starts with"
                                        + " 0x%08x, not fastText's magic 0x%08x), and no 'WORDS DIMENSION' line"
                                        + " starts it as word2vec's binary format would",
                                ByteBuffer.wrap(head, 0, 4)
                                        .order(ByteOrder.LITTLE_ENDIAN)
                                        .getInt(),
                                FastTextBinary.MAGIC));
            }
            if (dim <= 0) {
                throw new MalformedFileException(
                        file,
                        1,
                        "expected a header 'WORDS DIMENSION' or a word followed by" + " numbers, found '"
                                + preview(head, 0, firstEnd) + "'");
            }
            return new DetectedFormat(VectorFormat.GLOVE, gzip, 0, -1, dim);
        }
        if (header[1] <= 0 || header[1] > 1_000_000) {
            throw new MalformedFileException(file, 1, "the header announces dimension " + header[1]);
        }
        int dim = (int) header[1];
        long dataStart = firstEnd + 1L;
        if (header[0] == 0 || dataStart >= head.length) {
            return new DetectedFormat(VectorFormat.WORD2VEC, gzip, dataStart, header[0], dim);
        }
        int secondEnd = indexOf(head, (byte) '\n', (int) dataStart);
        if (secondEnd < 0 && head.length < PEEK) {
            secondEnd = head.length;
        }
        boolean text = secondEnd >= 0 && looksLikeText(head, (int) dataStart, secondEnd, dim);
        return new DetectedFormat(
                text ? VectorFormat.WORD2VEC : VectorFormat.WORD2VEC_BINARY, gzip, dataStart, header[0], dim);
    }

    /**
     * Whether the first record {@code b[start,end)} is a text line: a word and D numbers, or
     * printable UTF-8 text (no control bytes) of a word and blank-separated tokens at least one of
     * which is a number. Binary floats almost always hold control bytes or invalid UTF-8, so a
     * text file with a bad token is read as text and the text parser names the token.
     */
    private static boolean looksLikeText(byte[] b, int start, int end, int dim) {
        if (countNumbers(b, start, end) == dim) {
            return true;
        }
        for (int i = start; i < end; i++) {
            int c = b[i] & 0xff;
            if (c < 0x20 && c != '\t' && c != '\r' || c == 0x7f) {
                return false;
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            utf8.decode(ByteBuffer.wrap(b, start, end - start));
        } catch (CharacterCodingException e) {
            return false;
        }
        return anyNumber(b, start, end);
    }

    /** Whether a token after the first of {@code b[start,end)} is a number. */
    private static boolean anyNumber(byte[] b, int start, int end) {
        int p = start;
        while (p < end && !blank(b[p])) {
            p++;
        }
        while (p < end) {
            while (p < end && blank(b[p])) {
                p++;
            }
            int t = p;
            while (p < end && !blank(b[p])) {
                p++;
            }
            if (p > t) {
                try {
                    DecimalParser.parse(b, t, p);
                    return true;
                } catch (NumberFormatException e) {
                    // look at the next token
                }
            }
        }
        return false;
    }

    private static boolean blank(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    /** The two integers of a header line "N D", or null when the line is not one. */
    private static long[] parseHeader(byte[] b, int end) {
        long[] v = new long[2];
        int count = 0;
        int p = 0;
        while (true) {
            while (p < end && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r')) {
                p++;
            }
            if (p >= end) {
                break;
            }
            if (count == 2) {
                return null;
            }
            long x = 0;
            int start = p;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                if (x > Long.MAX_VALUE / 20) {
                    return null;
                }
                x = x * 10 + (b[p] - '0');
                p++;
            }
            if (p == start || p < end && !(b[p] == ' ' || b[p] == '\t' || b[p] == '\r')) {
                return null;
            }
            v[count++] = x;
        }
        return count == 2 ? v : null;
    }

    /** The number of numeric tokens after the first token of {@code b[start,end)}; -1 if one is not a number. */
    private static int countNumbers(byte[] b, int start, int end) {
        int p = start;
        while (p < end && b[p] != ' ' && b[p] != '\t' && b[p] != '\r') {
            p++;
        }
        if (p == start) {
            return -1;
        }
        int n = 0;
        while (true) {
            while (p < end && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r')) {
                p++;
            }
            if (p >= end) {
                return n;
            }
            int t = p;
            while (p < end && b[p] != ' ' && b[p] != '\t' && b[p] != '\r') {
                p++;
            }
            try {
                DecimalParser.parse(b, t, p);
            } catch (NumberFormatException e) {
                return -1;
            }
            n++;
        }
    }

    static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code b[0, end)} holds a byte no text line holds (a control byte other than tab and CR). */
    private static boolean controlBytes(byte[] b, int end) {
        for (int i = 0; i < end; i++) {
            int c = b[i] & 0xff;
            if (c < 0x20 && c != '\t' && c != '\r' && c != 0x0b && c != '\f') {
                return true;
            }
        }
        return false;
    }

    private static String preview(byte[] b, int start, int end) {
        String s = new String(b, start, Math.min(end - start, 60), StandardCharsets.UTF_8).strip();
        return end - start > 60 ? s + "..." : s;
    }
}
