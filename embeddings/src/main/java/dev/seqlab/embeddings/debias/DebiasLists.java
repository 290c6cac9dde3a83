package dev.seqlab.embeddings.debias;

import dev.seqlab.core.io.MalformedFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The word lists that drive debiasing: definitional pairs (whose differences give the bias
 * direction), pairs to equalize, and words to neutralize.
 *
 * <p>List files are UTF-8 text with one entry per line: two words separated by white space for a
 * pair file, one word for a word file; blank lines and lines starting with {@code #} are ignored.
 * The project ships its own small lists: ten definitional gender pairs (woman/man, girl/boy,
 * she/he, …), which are also the pairs it equalizes, and some occupations and topics that should
 * be neutral (doctor, nurse, receptionist, programmer, homemaker, …).
 *
 * @param definitional pairs whose differences define the bias direction
 * @param equalize     pairs to make differ only along the direction
 * @param neutral      words to neutralize
 */
public record DebiasLists(List<WordPair> definitional, List<WordPair> equalize, List<String> neutral) {

    private static final String PAIRS_RESOURCE = "gender-pairs.txt";
    private static final String NEUTRAL_RESOURCE = "neutral-words.txt";

    /**
     * Copies the lists and checks that they are usable: at least one definitional pair, no
     * word both neutral and in a pair, no word in two equalized pairs.
     */
    public DebiasLists {
        definitional = List.copyOf(definitional);
        equalize = List.copyOf(equalize);
        neutral = List.copyOf(new LinkedHashSet<>(neutral));
        if (definitional.isEmpty()) {
            throw new IllegalArgumentException("debiasing needs at least one definitional word pair");
        }
        Map<String, WordPair> paired = new HashMap<>();
        for (WordPair p : equalize) {
            for (String w : new String[] {p.first(), p.second()}) {
                WordPair other = paired.putIfAbsent(w, p);
                if (other != null && other != p) {
                    throw new IllegalArgumentException(
                            "'" + w + "' is in two pairs to equalize: " + other + " and " + p);
                }
            }
        }
        for (WordPair p : definitional) {
            paired.putIfAbsent(p.first(), p);
            paired.putIfAbsent(p.second(), p);
        }
        for (String w : neutral) {
            Objects.requireNonNull(w, "neutral word");
            if (paired.containsKey(w)) {
                throw new IllegalArgumentException("'" + w + "' is listed as neutral and in the pair " + paired.get(w));
            }
        }
    }

    /** The project's gender lists; the definitional pairs are also the pairs to equalize. */
    public static DebiasLists defaults() {
        List<WordPair> pairs = defaultPairs();
        return new DebiasLists(pairs, pairs, defaultNeutralWords());
    }

    /** The project's definitional gender pairs (female word first). */
    public static List<WordPair> defaultPairs() {
        try (InputStream in = resource(PAIRS_RESOURCE)) {
            return parsePairs(lines(in), Path.of(PAIRS_RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled pair list is unreadable", e);
        }
    }

    /** The project's words that should be gender-neutral. */
    public static List<String> defaultNeutralWords() {
        try (InputStream in = resource(NEUTRAL_RESOURCE)) {
            return parseWords(lines(in), Path.of(NEUTRAL_RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled word list is unreadable", e);
        }
    }

    /**
     * Reads a pair file.
     *
     * @throws java.nio.file.NoSuchFileException if it does not exist
     * @throws MalformedFileException            naming the line when a line does not hold two different words
     */
    public static List<WordPair> readPairs(Path file) throws IOException {
        return parsePairs(Files.readAllLines(file, StandardCharsets.UTF_8), file);
    }

    /**
     * Reads a word file.
     *
     * @throws java.nio.file.NoSuchFileException if it does not exist
     * @throws MalformedFileException            naming the line when a line holds more than one word, or no word is listed
     */
    public static List<String> readWords(Path file) throws IOException {
        return parseWords(Files.readAllLines(file, StandardCharsets.UTF_8), file);
    }

    private static List<WordPair> parsePairs(List<String> lines, Path file) throws MalformedFileException {
        List<WordPair> pairs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = fields(lines.get(i));
            if (f.length == 0) {
                continue;
            }
            if (f.length != 2) {
                throw new MalformedFileException(
                        file, i + 1, "expected two words (a pair such as 'woman man'), found " + f.length);
            }
            if (f[0].equals(f[1])) {
                throw new MalformedFileException(file, i + 1, "the pair repeats '" + f[0] + "'");
            }
            pairs.add(new WordPair(f[0], f[1]));
        }
        if (pairs.isEmpty()) {
            throw new MalformedFileException(file, Math.max(1, lines.size()), "no word pairs listed");
        }
        return pairs;
    }

    private static List<String> parseWords(List<String> lines, Path file) throws MalformedFileException {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = fields(lines.get(i));
            if (f.length == 0) {
                continue;
            }
            if (f.length != 1) {
                throw new MalformedFileException(file, i + 1, "expected one word per line, found " + f.length);
            }
            words.add(f[0]);
        }
        if (words.isEmpty()) {
            throw new MalformedFileException(file, Math.max(1, lines.size()), "no words listed");
        }
        return words;
    }

    private static String[] fields(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return new String[0];
        }
        return t.split("\\s+");
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DebiasLists.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource " + name + " is missing from the seqlab-embeddings jar");
        }
        return in;
    }

    private static List<String> lines(InputStream in) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }
}
