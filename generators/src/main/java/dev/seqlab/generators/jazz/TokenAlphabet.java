package dev.seqlab.generators.jazz;

import dev.seqlab.generators.jazz.grammar.NoteToken;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Maps grammar tokens to single characters of Unicode's private-use area (U+E000…), so that a
 * phrase of tokens is a string and the character language model learns it unchanged: one
 * "character" per note, rest or bar line.
 */
final class TokenAlphabet {
    private static final char FIRST = '\uE000';
    private final List<String> tokens;
    private final Map<String, Character> index = new HashMap<>();

    TokenAlphabet(List<String> tokens) {
        if (tokens.size() > 6000) {
            throw new IllegalArgumentException("too many distinct tokens: " + tokens.size());
        }
        this.tokens = List.copyOf(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            index.put(tokens.get(i), (char) (FIRST + i));
        }
    }

    /** The alphabet of every token in {@code phrases}, sorted. */
    static TokenAlphabet of(List<List<NoteToken>> phrases) {
        TreeSet<String> set = new TreeSet<>();
        for (List<NoteToken> ph : phrases) {
            for (NoteToken t : ph) {
                set.add(t.toString());
            }
        }
        return new TokenAlphabet(new ArrayList<>(set));
    }

    /** The token texts in character order (what tokens.txt stores). */
    List<String> tokens() {
        return tokens;
    }

    /** The phrase as a string of characters. */
    String encode(List<NoteToken> phrase) {
        StringBuilder sb = new StringBuilder(phrase.size());
        for (NoteToken t : phrase) {
            Character c = index.get(t.toString());
            if (c == null) {
                throw new IllegalArgumentException("token " + t + " is not in the model's alphabet");
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The token a character stands for, or null for characters outside the alphabet ('\n'). */
    NoteToken decode(char c) {
        int i = c - FIRST;
        return i >= 0 && i < tokens.size() ? NoteToken.parse(tokens.get(i)) : null;
    }
}
