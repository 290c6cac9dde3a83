package dev.seqlab.corpora.dates;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Character vocabularies for date models: inputs are padded (id 0, {@code <pad>}) to a fixed
 * length and characters outside the vocabulary become {@code <unk>} (id 1); outputs are the 11
 * symbols of ISO dates, digits and '-'.
 */
public final class DateVocabulary {
    /** Padding id. */
    public static final int PAD = 0;
    /** Unknown-character id. */
    public static final int UNK = 1;
    /** The course's input length. */
    public static final int INPUT_LENGTH = 30;
    /** ISO date length. */
    public static final int OUTPUT_LENGTH = 10;

    private static final String INPUT_CHARS = " ./-0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String OUTPUT_CHARS = "-0123456789";
    private static final Map<Character, Integer> INPUT = new HashMap<>();

    static {
        for (int i = 0; i < INPUT_CHARS.length(); i++) {
            INPUT.put(INPUT_CHARS.charAt(i), i + 2);
        }
    }

    private DateVocabulary() {}

    /**
     * The input characters in id order from id 2 (id 0 is padding, id 1 an unknown character):
     * character {@code i} of this string has id {@code i + 2}.
     */
    public static String inputCharacters() {
        return INPUT_CHARS;
    }

    /** The output characters in id order: character {@code i} of this string has id {@code i}. */
    public static String outputCharacters() {
        return OUTPUT_CHARS;
    }

    /** Input vocabulary size (with padding and unknown). */
    public static int inputSize() {
        return INPUT_CHARS.length() + 2;
    }

    /** Output vocabulary size (11). */
    public static int outputSize() {
        return OUTPUT_CHARS.length();
    }

    /**
     * Input ids of {@code text} (lower-cased, commas removed as in training), padded to
     * {@link #INPUT_LENGTH}.
     *
     * @throws IllegalArgumentException for empty text or text longer than the model reads
     */
    public static int[] encodeInput(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(",", "");
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty date");
        }
        if (t.length() > INPUT_LENGTH) {
            throw new IllegalArgumentException("'" + text + "' is longer than " + INPUT_LENGTH + " characters");
        }
        int[] ids = new int[INPUT_LENGTH];
        for (int i = 0; i < t.length(); i++) {
            ids[i] = INPUT.getOrDefault(t.charAt(i), UNK);
        }
        return ids;
    }

    /** Output ids of an ISO date. */
    public static int[] encodeOutput(String iso) {
        if (iso.length() != OUTPUT_LENGTH) {
            throw new IllegalArgumentException("not an ISO date: '" + iso + "'");
        }
        int[] ids = new int[OUTPUT_LENGTH];
        for (int i = 0; i < OUTPUT_LENGTH; i++) {
            ids[i] = OUTPUT_CHARS.indexOf(iso.charAt(i));
            if (ids[i] < 0) {
                throw new IllegalArgumentException("not an ISO date: '" + iso + "'");
            }
        }
        return ids;
    }

    /** The ISO text of output ids. */
    public static String decodeOutput(int[] ids) {
        StringBuilder sb = new StringBuilder(ids.length);
        for (int id : ids) {
            sb.append(OUTPUT_CHARS.charAt(id));
        }
        return sb.toString();
    }
}
