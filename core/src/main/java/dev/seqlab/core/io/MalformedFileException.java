package dev.seqlab.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file's content is not what its reader accepts. The message names the file, the line (or
 * byte offset) where it applies, and the problem, in one line a user can act on:
 * {@code vectors.txt:17: expected 100 numbers after the word, found 99}.
 *
 * <p>The command line turns this exception into that one line on stderr and exit status 2.
 */
public class MalformedFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    /**
     * @param file    the file being read (may be null for a stream with no name)
     * @param line    the 1-based line number, or 0 when no line applies
     * @param problem what is wrong, without the file name
     */
    public MalformedFileException(Path file, long line, String problem) {
        super(format(file, line, problem));
        this.file = file;
        this.line = line;
    }

    /** As {@link #MalformedFileException(Path, long, String)} with the low-level cause kept. */
    public MalformedFileException(Path file, long line, String problem, Throwable cause) {
        super(format(file, line, problem), cause);
        this.file = file;
        this.line = line;
    }

    /** The file being read, or null. */
    public Path file() {
        return file;
    }

    /** The 1-based line number, or 0 when no line applies. */
    public long line() {
        return line;
    }

    private static String format(Path file, long line, String problem) {
        String where = file == null ? "<input>" : file.toString();
        return line > 0 ? where + ":" + line + ": " + problem : where + ": " + problem;
    }
}
