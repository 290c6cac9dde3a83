package dev.seqlab.cli.text;

import dev.seqlab.core.io.MalformedFileException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the user's text files with clear errors. */
final class TextFiles {

    private TextFiles() {}

    /** The whole file as UTF-8 text, with Windows line ends normalised. */
    static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (CharacterCodingException e) {
            throw new MalformedFileException(file, 0, "is not UTF-8 text");
        }
    }
}
