package dev.seqlab.corpora.text;

import dev.seqlab.core.io.MalformedFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import opennlp.tools.util.StringUtil;

/**
 * The tokens of a {@link TextCorpus} read with {@link Tokenizers#whitespace()}, found in the
 * files' UTF-8 bytes without decoding them to characters: the same tokens and sentences as
 * {@link FileSentenceReader} gives, several times faster, because no {@code String} is made per
 * token. Whitespace is OpenNLP's ({@link StringUtil#isWhitespace(char)}: Java's whitespace and
 * the space separators), sentences end at line ends and after {@code maxSentenceLength} tokens,
 * lower-casing is {@code String.toLowerCase(Locale.ROOT)} (done on the bytes for ASCII words).
 * Bytes that are not UTF-8 fail with the file and line, as the character reader does.
 *
 * <p>One difference, in a case no real corpus has: a run of more than {@value #MAX_TOKEN_BYTES}
 * bytes without whitespace is cut into tokens of at most that many bytes, between characters
 * (the character reader also cuts it, where its buffer happens to end).
 */
final class Utf8WhitespaceTokens {
    static final int MAX_TOKEN_BYTES = 1 << 16;
    private static final int BUFFER_BYTES = 1 << 20;
    private static final boolean[] ASCII_WHITESPACE = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_WHITESPACE[c] = StringUtil.isWhitespace((char) c);
        }
    }

    /** Receives the tokens of a pass. */
    interface Sink {
        /** One token: {@code bytes[0..length)}, valid UTF-8 (the array is reused). */
        void token(byte[] bytes, int length) throws IOException;

        /** The end of a sentence of at least one token. */
        void endSentence() throws IOException;
    }

    private final boolean lowercase;
    private final int maxSentenceLength;
    private final Sink sink;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private byte[] token = new byte[256];
    private int tokenLength;
    private boolean tokenAscii = true;
    private int sentenceLength;
    private int pos;
    private int limit;
    private boolean eof;

    private Utf8WhitespaceTokens(TextCorpusOptions options, Sink sink) {
        this.lowercase = options.lowercase();
        this.maxSentenceLength = options.maxSentenceLength();
        this.sink = sink;
    }

    /** True when {@code corpus} splits at whitespace only, so that {@link #scan} may read it. */
    static boolean applies(Corpus corpus) {
        return corpus instanceof TextCorpus text && text.options().tokenizer() == Tokenizers.whitespace();
    }

    /** One pass over the files of {@code corpus}, token by token, to {@code sink}. */
    static void scan(TextCorpus corpus, Sink sink) throws IOException {
        Utf8WhitespaceTokens scanner = new Utf8WhitespaceTokens(corpus.options(), sink);
        for (Path f : corpus.files()) {
            try (InputStream in = FileSentenceReader.openBytes(f)) {
                scanner.scanFile(f, in);
            }
        }
    }

    /**
     * Scans bytes {@code [from, to)} of the plain (not gzip) file {@code file} of {@code corpus} as
     * if they were a file of their own: when {@code from} is 0 or follows a line end and {@code to}
     * follows a line end or is the file's end, the tokens and sentences are those a pass over the
     * whole file gives there (line numbers in errors count from {@code from}).
     */
    static void scanRange(TextCorpus corpus, Path file, long from, long to, Sink sink) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(from);
            InputStream in = new InputStream() {
                private long left = to - from;

                @Override
                public int read() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, left)));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
            new Utf8WhitespaceTokens(corpus.options(), sink).scanFile(file, in);
        }
    }

    private void scanFile(Path file, InputStream in) throws IOException {
        pos = 0;
        limit = 0;
        eof = false;
        long line = 1;
        while (fill(in, 1)) {
            int b = buffer[pos];
            if (b >= 0) {
                pos++;
                if (b == '\n') {
                    endToken();
                    endSentence();
                    line++;
                } else if (ASCII_WHITESPACE[b]) {
                    endToken();
                } else {
                    append((byte) (lowercase && b >= 'A' && b <= 'Z' ? b + 32 : b));
                }
                continue;
            }
            int n = sequenceLength(b & 0xFF);
            if (n == 0 || !fill(in, n)) {
                throw notUtf8(file, line);
            }
            int c = decode(n);
            if (c < 0) {
                throw notUtf8(file, line);
            }
            if (c <= 0xFFFF && StringUtil.isWhitespace((char) c)) {
                endToken();
            } else {
                if (tokenLength + n > MAX_TOKEN_BYTES) {
                    endToken(); // cut an over-long run before a character, never inside one
                }
                for (int k = 0; k < n; k++) {
                    append(buffer[pos + k]);
                }
                tokenAscii = false;
            }
            pos += n;
        }
        endToken();
        endSentence();
    }

    /** The length of the UTF-8 sequence a byte ≥ 0x80 starts, or 0 when it cannot start one. */
    private static int sequenceLength(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            return 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            return 3;
        } else if (b >= 0xF0 && b <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /** The code point of the {@code n}-byte sequence at {@link #pos}, or -1 when it is not well-formed UTF-8. */
    private int decode(int n) {
        int b0 = buffer[pos] & 0xFF;
        int b1 = buffer[pos + 1] & 0xFF;
        if (n == 2) {
            return (b1 & 0xC0) == 0x80 ? (b0 & 0x1F) << 6 | (b1 & 0x3F) : -1;
        }
        int b2 = buffer[pos + 2] & 0xFF;
        if (n == 3) {
            int lo = b0 == 0xE0 ? 0xA0 : 0x80; // no overlong forms
            int hi = b0 == 0xED ? 0x9F : 0xBF; // no surrogates
            if (b1 < lo || b1 > hi || (b2 & 0xC0) != 0x80) {
                return -1;
            }
            return (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F);
        }
        int b3 = buffer[pos + 3] & 0xFF;
        int lo = b0 == 0xF0 ? 0x90 : 0x80;
        int hi = b0 == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
        if (b1 < lo || b1 > hi || (b2 & 0xC0) != 0x80 || (b3 & 0xC0) != 0x80) {
            return -1;
        }
        return (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F);
    }

    /** Makes at least {@code n} bytes available at {@link #pos}; false when the file ends before. */
    private boolean fill(InputStream in, int n) throws IOException {
        while (limit - pos < n) {
            if (eof) {
                return false;
            }
            if (pos > 0) {
                System.arraycopy(buffer, pos, buffer, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            int r = in.read(buffer, limit, buffer.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return true;
    }

    private void append(byte b) throws IOException {
        if (tokenLength == token.length) {
            if (tokenLength >= MAX_TOKEN_BYTES) {
                endToken();
            } else {
                token = Arrays.copyOf(token, Math.min(2 * token.length, MAX_TOKEN_BYTES));
            }
        }
        token[tokenLength++] = b;
    }

    private void endToken() throws IOException {
        if (tokenLength == 0) {
            return;
        }
        if (lowercase && !tokenAscii) {
            byte[] lower = new String(token, 0, tokenLength, StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8);
            sink.token(lower, lower.length);
        } else {
            sink.token(token, tokenLength);
        }
        tokenLength = 0;
        tokenAscii = true;
        if (++sentenceLength == maxSentenceLength) {
            endSentence();
        }
    }

    private void endSentence() throws IOException {
        if (sentenceLength > 0) {
            sink.endSentence();
            sentenceLength = 0;
        }
    }

    private static MalformedFileException notUtf8(Path file, long line) {
        return new MalformedFileException(file, line, "not valid UTF-8 text");
    }
}
