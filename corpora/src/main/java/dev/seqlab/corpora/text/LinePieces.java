package dev.seqlab.corpora.text;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into lines, and lines longer than a bound into pieces cut at
 * whitespace, so that a corpus that is one huge line is never held in memory at once.
 */
final class LinePieces {
    /** A line is handed out in pieces of about this many characters at most. */
    static final int MAX_PIECE_CHARS = 1 << 16;

    private final Reader in;
    private final int maxPieceChars;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private final StringBuilder line = new StringBuilder();
    private boolean endOfLine;
    private long lineNumber = 1;

    LinePieces(Reader in, int maxPieceChars) {
        this.in = in;
        this.maxPieceChars = maxPieceChars;
    }

    /** The 1-based number of the line the last piece belongs to (or is being read). */
    long lineNumber() {
        return lineNumber;
    }

    /** Whether the last piece returned ended its line. */
    boolean endOfLine() {
        return endOfLine;
    }

    /**
     * The next piece of text (possibly empty for an empty line), or null at the end of the stream.
     * After it, {@link #endOfLine()} says whether the line is complete.
     */
    String next() throws IOException {
        if (endOfLine) {
            lineNumber++;
            endOfLine = false;
        }
        while (true) {
            if (pos >= limit) {
                if (!eof) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        eof = true;
                    } else {
                        pos = 0;
                        limit = n;
                        continue;
                    }
                }
                if (line.length() == 0) {
                    return null;
                }
                endOfLine = true;
                return take(line.length());
            }
            int i = pos;
            while (i < limit && buffer[i] != '\n') {
                i++;
            }
            line.append(buffer, pos, i - pos);
            if (i < limit) {
                pos = i + 1;
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    end--;
                }
                String piece = line.substring(0, end);
                line.setLength(0);
                endOfLine = true;
                return piece;
            }
            pos = limit;
            if (line.length() >= maxPieceChars) {
                int cut = line.length();
                while (cut > 0 && !Character.isWhitespace(line.charAt(cut - 1))) {
                    cut--;
                }
                // no whitespace at all: a single giant token, cut where we are
                return take(cut == 0 ? line.length() : cut);
            }
        }
    }

    private String take(int n) {
        String piece = line.substring(0, n);
        line.delete(0, n);
        return piece;
    }
}
