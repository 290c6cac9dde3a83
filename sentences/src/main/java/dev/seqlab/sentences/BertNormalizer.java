package dev.seqlab.sentences;

import java.text.Normalizer;

/**
 * The {@code BertNormalizer} of Hugging Face tokenizers, step by step as its documentation and
 * the original BERT tokenizer define it: clean the text (drop NUL, U+FFFD and control, format,
 * unassigned and private-use characters; turn every Unicode white space into a space), put
 * spaces around CJK ideographs, strip accents (NFD, then drop non-spacing marks), lower-case
 * character by character (no context-dependent final sigma, as Rust's {@code char::to_lowercase}).
 *
 * @param cleanText          drop control characters and map white space to spaces
 * @param handleChineseChars surround CJK ideographs with spaces so each is a word of its own
 * @param stripAccents       decompose and drop combining marks
 * @param lowercase          lower-case everything
 */
record BertNormalizer(boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase) {

    /** Normalises {@code text}. */
    String normalize(String text) {
        String s = text;
        if (cleanText || handleChineseChars) {
            s = cleanAndSpaceIdeographs(s);
        }
        if (stripAccents && !isAscii(s)) {
            s = stripAccents(s);
        }
        if (lowercase) {
            s = lowercase(s);
        }
        return s;
    }

    private String cleanAndSpaceIdeographs(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (cleanText) {
                if (c == 0 || c == 0xFFFD || isControl(c)) {
                    continue;
                }
                if (isWhitespace(c)) {
                    c = ' ';
                }
            }
            if (handleChineseChars && isChinese(c)) {
                sb.append(' ').appendCodePoint(c).append(' ');
            } else {
                sb.appendCodePoint(c);
            }
        }
        return sb.toString();
    }

    private static String stripAccents(String text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); ) {
            int c = nfd.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                sb.appendCodePoint(c);
            }
        }
        return sb.toString();
    }

    private static String lowercase(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int n = Character.charCount(c);
            // U+0130 is the one character whose unconditional lower case is two characters
            int lower = c == 0x130 ? -1 : Character.toLowerCase(c);
            if (lower != c && sb == null) {
                sb = new StringBuilder(text.length() + 4).append(text, 0, i);
            }
            if (sb != null) {
                if (lower == -1) {
                    sb.append("i\u0307");
                } else {
                    sb.appendCodePoint(lower);
                }
            }
            i += n;
        }
        return sb == null ? text : sb.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Tab, newline and carriage return count as white space; other Cc, Cf, Cn, Co and Cs characters as control. */
    static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
    }

    /**
     * The Unicode White_Space property (Rust's {@code char::is_whitespace}), which unlike
     * {@link Character#isWhitespace} includes the no-break spaces.
     */
    static boolean isWhitespace(int c) {
        return c == ' '
                || (c >= 0x09 && c <= 0x0D)
                || c == 0x85
                || c == 0xA0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000;
    }

    /** The CJK Unified Ideographs blocks (and compatibility ideographs) the BERT tokenizer splits on. */
    static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F)
                || (c >= 0x2B740 && c <= 0x2B81F)
                || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
