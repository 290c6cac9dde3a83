package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import java.nio.file.Path;

/**
 * What a reader does with NaN and infinite components (written as {@code nan}, {@code inf} or a
 * number beyond float range): refuse the file at the first one, naming where it is, or, when
 * asked, keep them and warn once at the end with their count and the first place. Thread-safe:
 * parallel parts of one file report to one instance.
 */
final class NonFiniteValues {
    private final Path file;
    private final boolean allow;
    private long rows;
    private long firstLine = Long.MAX_VALUE;
    private String firstPlace;

    NonFiniteValues(Path file, boolean allow) {
        this.file = file;
        this.allow = allow;
    }

    /**
     * A row has a non-finite component.
     *
     * @param line  the 1-based line, or 0 in a binary file
     * @param place where it is, e.g. "column 3 is 'nan' (word 'a')"
     * @throws MalformedFileException unless non-finite values are allowed
     */
    synchronized void found(long line, String place) throws MalformedFileException {
        if (!allow) {
            throw new MalformedFileException(
                    file,
                    line,
                    place + ", not a finite float32 value;"
                            + " allow non-finite values (--allow-non-finite) to keep such vectors");
        }
        rows++;
        if (firstPlace == null || line < firstLine) {
            firstLine = line;
            firstPlace = place;
        }
    }

    /** Warns once if rows with non-finite components were kept. */
    synchronized void report(ProgressListener progress) {
        if (rows > 0) {
            String where = firstLine > 0 ? file + ":" + firstLine : file.toString();
            progress.warning(where + ": " + firstPlace + ", not a finite float32 value; kept as asked (" + rows
                    + (rows == 1 ? " vector has" : " vectors have")
                    + " NaN or infinite components, their cosines are NaN)");
        }
    }
}
