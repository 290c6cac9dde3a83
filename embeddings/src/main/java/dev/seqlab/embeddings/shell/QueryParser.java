package dev.seqlab.embeddings.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns one typed line into a {@link Query}. The syntax:
 *
 * <pre>
 *   king                        nearest neighbours (several words: each in turn)
 *   man : woman :: king : ?     analogy; the trailing ": ?" may be left out, spaces are optional
 *   king - man + woman          vector arithmetic; + and - stand apart from the words
 *   sim cat dog                 cosine similarity (also: similarity)
 *   odd breakfast cereal dinner lunch   which word does not belong (also: doesnt-match)
 *   top 5                       list 5 answers from now on
 *   help | quit | exit          # starts a comment
 * </pre>
 *
 * A command word followed by the wrong number of words is read as an ordinary word, so
 * {@code odd} alone asks for the neighbours of "odd".
 */
public final class QueryParser {

    /** The help text the shell prints for {@code help}. */
    public static final String HELP = String.join(
            "\n",
            "Queries:",
            "  king                              nearest neighbours (several words: each in turn)",
            "  man : woman :: king : ?           analogy: man is to woman as king is to ?",
            "  king - man + woman                vector arithmetic (put spaces around + and -)",
            "  sim cat dog                       cosine similarity of two words",
            "  odd breakfast cereal dinner lunch which word does not belong",
            "  top 5                             list 5 answers from now on",
            "  help                              this text",
            "  quit                              leave (or end of input: Ctrl-D)");

    /**
     * Parses one line.
     *
     * @throws IllegalArgumentException with a one-line explanation when the line is not a query
     */
    public Query parse(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return new Query.Blank();
        }
        if (text.contains("::")) {
            return analogy(text);
        }
        String[] tokens = text.split("\\s+");
        if (tokens.length > 1 && (contains(tokens, "+") || contains(tokens, "-"))) {
            return arithmetic(tokens);
        }
        String head = tokens[0].toLowerCase(Locale.ROOT);
        List<String> rest = Arrays.asList(tokens).subList(1, tokens.length);
        switch (head) {
            case "help", "?" -> {
                if (rest.isEmpty()) {
                    return new Query.Help();
                }
            }
            case "quit", "exit" -> {
                if (rest.isEmpty()) {
                    return new Query.Quit();
                }
            }
            case "sim", "similarity" -> {
                if (rest.size() == 2) {
                    return new Query.Similarity(rest.get(0), rest.get(1));
                }
                if (!rest.isEmpty()) {
                    throw new IllegalArgumentException("'" + tokens[0] + "' compares two words, e.g. 'sim cat dog'");
                }
            }
            case "odd", "doesnt-match" -> {
                if (rest.size() >= 3) {
                    return new Query.OddOneOut(rest);
                }
                if (!rest.isEmpty()) {
                    throw new IllegalArgumentException(
                            "'" + tokens[0] + "' needs at least three words, e.g. 'odd breakfast cereal dinner lunch'");
                }
            }
            case "top" -> {
                if (rest.size() == 1 && rest.get(0).matches("-?\\d+")) {
                    return new Query.SetTop(count(rest.get(0)));
                }
            }
            default -> {}
        }
        for (String t : tokens) {
            if (t.equals(":") || t.equals("?")) {
                throw new IllegalArgumentException(
                        "an analogy needs '::' in the middle, e.g. 'man : woman :: king : ?'");
            }
        }
        return new Query.Neighbours(Arrays.asList(tokens));
    }

    private static Query analogy(String text) {
        String[] sides = text.split("::", -1);
        String example = "e.g. 'man : woman :: king : ?'";
        if (sides.length != 2) {
            throw new IllegalArgumentException("an analogy has one '::', " + example);
        }
        String[] left = sides[0].split(":", -1);
        String[] right = sides[1].split(":", -1);
        if (left.length != 2 || right.length > 2) {
            throw new IllegalArgumentException("an analogy reads 'a : b :: c : ?', " + example);
        }
        String a = single(left[0], example);
        String b = single(left[1], example);
        String c = single(right[0], example);
        if (right.length == 2 && !right[1].strip().equals("?")) {
            throw new IllegalArgumentException("the analogy's last term is what it asks for: write '?', " + example);
        }
        return new Query.Analogy(a, b, c);
    }

    private static String single(String part, String example) {
        String t = part.strip();
        if (t.isEmpty() || t.contains(" ") || t.contains("\t") || t.equals("?")) {
            throw new IllegalArgumentException("each analogy term is one word, " + example);
        }
        return t;
    }

    private static Query arithmetic(String[] tokens) {
        String example = ": write e.g. 'king - man + woman'";
        List<String> positive = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        boolean plus = true;
        boolean expectWord = true;
        boolean leadingSign = false;
        for (String t : tokens) {
            if (t.equals("+") || t.equals("-")) {
                boolean atStart = positive.isEmpty() && negative.isEmpty();
                if (expectWord && !(atStart && !leadingSign)) {
                    throw new IllegalArgumentException("two operators in a row" + example);
                }
                leadingSign |= atStart;
                plus = t.equals("+");
                expectWord = true;
            } else {
                if (!expectWord) {
                    throw new IllegalArgumentException("missing + or - before '" + t + "'" + example);
                }
                (plus ? positive : negative).add(t);
                expectWord = false;
            }
        }
        if (expectWord) {
            throw new IllegalArgumentException("the sum ends with an operator" + example);
        }
        if (positive.isEmpty()) {
            throw new IllegalArgumentException("the sum needs at least one word added" + example);
        }
        return new Query.Arithmetic(positive, negative);
    }

    private static int count(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("'top' takes a number from 1 to 1000, got '" + s + "'");
    }

    private static boolean contains(String[] tokens, String s) {
        for (String t : tokens) {
            if (t.equals(s)) {
                return true;
            }
        }
        return false;
    }
}
