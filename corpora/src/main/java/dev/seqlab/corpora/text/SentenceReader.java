package dev.seqlab.corpora.text;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** One pass over a {@link Corpus}: sentences in order, until {@link #next()} returns null. */
public interface SentenceReader extends Closeable {
    /**
     * The next sentence (never empty), or null at the end of the corpus. The list belongs to the
     * caller.
     *
     * @throws dev.seqlab.core.io.MalformedFileException if a file is not valid UTF-8
     */
    List<String> next() throws IOException;
}
