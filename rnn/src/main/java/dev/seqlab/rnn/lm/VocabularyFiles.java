package dev.seqlab.rnn.lm;

import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.MalformedFileException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A character vocabulary as a text file: UTF-8, one character per line in id order (line 1 is
 * id 0). Characters a line cannot hold are escaped: {@code \n} newline, {@code \t} tab,
 * {@code \r} carriage return, {@code \\} backslash, {@code \}{@code uXXXX} any other; a lone
 * backslash also reads as a backslash. A space is a line holding one space.
 *
 * <pre>{@code
 * VocabularyFiles.write(model.vocabulary(), Path.of("model.vocab"));
 * CharVocabulary v = VocabularyFiles.read(Path.of("model.vocab"));
 * }</pre>
 */
public final class VocabularyFiles {

    private VocabularyFiles() {}

    /**
     * Reads a vocabulary file.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws MalformedFileException            naming the line of an empty line, a line of more
     *                                           than one character, an unknown escape or a
     *                                           repeated character, or if the file is not UTF-8
     */
    public static CharVocabulary read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new MalformedFileException(file, 0, "is not UTF-8 text");
        }
        if (lines.isEmpty()) {
            throw new MalformedFileException(file, 0, "is empty; expected one character per line");
        }
        StringBuilder chars = new StringBuilder();
        boolean[] seen = new boolean[Character.MAX_VALUE + 1];
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            char c = decode(line, file, i + 1);
            if (seen[c]) {
                throw new MalformedFileException(file, i + 1, "character '" + escape(c) + "' is listed twice");
            }
            seen[c] = true;
            chars.append(c);
        }
        return CharVocabulary.ofChars(chars.toString());
    }

    /** Writes {@code vocab} one character per line, escaped as described above, atomically. */
    public static void write(CharVocabulary vocab, Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (char c : vocab.chars().toCharArray()) {
            sb.append(escape(c)).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    private static char decode(String line, Path file, int lineNo) throws MalformedFileException {
        if (line.isEmpty()) {
            throw new MalformedFileException(
                    file, lineNo, "empty line; write a newline as \\n and a space as one space");
        }
        if (line.length() == 1) {
            return line.charAt(0);
        }
        if (line.charAt(0) == '\\') {
            switch (line) {
                case "\\n":
                    return '\n';
                case "\\t":
                    return '\t';
                case "\\r":
                    return '\r';
                case "\\\\":
                    return '\\';
                default:
                    if (line.length() == 6 && line.charAt(1) == 'u') {
                        try {
                            return (char) Integer.parseInt(line.substring(2), 16);
                        } catch (NumberFormatException e) {
                            // reported below
                        }
                    }
            }
            throw new MalformedFileException(
                    file, lineNo, "unknown escape '" + line + "' (use \\n, \\t, \\r, \\\\ or \\uXXXX)");
        }
        throw new MalformedFileException(file, lineNo, "expected one character per line, found '" + line + "'");
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case '\\' -> "\\\\";
            default -> Character.isISOControl(c) || Character.isSurrogate(c)
                    ? String.format("\\u%04x", (int) c)
                    : String.valueOf(c);
        };
    }
}
