package dev.seqlab.rnn.lm;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The characters a model knows, in sorted order; a character's id is its position. Built from
 * the training text; {@code '\n'} ends a line-sequence (a name) when the model is trained on lines.
 */
public final class CharVocabulary {
    private final char[] chars;
    private final int[] index = new int[Character.MAX_VALUE + 1];

    private CharVocabulary(char[] chars) {
        this.chars = chars;
        Arrays.fill(index, -1);
        for (int i = 0; i < chars.length; i++) {
            index[chars[i]] = i;
        }
    }

    /** The sorted distinct characters of {@code text}. */
    public static CharVocabulary of(CharSequence text) {
        TreeSet<Character> set = new TreeSet<>();
        for (int i = 0; i < text.length(); i++) {
            set.add(text.charAt(i));
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("cannot build a vocabulary from empty text");
        }
        char[] c = new char[set.size()];
        int i = 0;
        for (char ch : set) {
            c[i++] = ch;
        }
        return new CharVocabulary(c);
    }

    /** A vocabulary of exactly these characters (as stored in a model's config). */
    public static CharVocabulary ofChars(String chars) {
        char[] c = chars.toCharArray();
        char[] sorted = c.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("duplicate character '" + sorted[i] + "' in vocabulary");
            }
        }
        if (c.length == 0) {
            throw new IllegalArgumentException("empty vocabulary");
        }
        return new CharVocabulary(c);
    }

    /** V, the number of characters. */
    public int size() {
        return chars.length;
    }

    /** The characters in id order. */
    public String chars() {
        return new String(chars);
    }

    /** True when {@code c} is known. */
    public boolean contains(char c) {
        return index[c] >= 0;
    }

    /** The id of {@code c}, or -1. */
    public int id(char c) {
        return index[c];
    }

    /** The character with id {@code id}. */
    public char charAt(int id) {
        return chars[id];
    }

    /**
     * The ids of {@code text}.
     *
     * @throws IllegalArgumentException naming the first unknown character
     */
    public int[] encode(CharSequence text) {
        int[] ids = new int[text.length()];
        for (int i = 0; i < ids.length; i++) {
            char c = text.charAt(i);
            ids[i] = index[c];
            if (ids[i] < 0) {
                throw new IllegalArgumentException(
                        "character '" + printable(c) + "' at position " + i + " is not in the model's vocabulary");
            }
        }
        return ids;
    }

    /** The text of these ids. */
    public String decode(List<Integer> ids) {
        StringBuilder sb = new StringBuilder(ids.size());
        for (int id : ids) {
            sb.append(chars[id]);
        }
        return sb.toString();
    }

    static String printable(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            default -> Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        };
    }
}
