package dev.seqlab.explorer;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.explorer.api.ExplorerApi;
import dev.seqlab.explorer.server.ExplorerServer;
import dev.seqlab.sentences.SentenceEncoder;
import java.io.IOException;

/**
 * Starts the explorer over a set of word vectors.
 *
 * <pre>{@code
 * try (ExplorerServer s = Explorer.start(wv, null, ExplorerOptions.defaults().withPort(0))) {
 *     System.out.println(s.url());   // http://127.0.0.1:PORT/
 * }
 * }</pre>
 */
public final class Explorer {

    private Explorer() {}

    /**
     * Serves the page and the API until the returned server is closed.
     *
     * @param vectors   the words to explore (their search index is built before this returns)
     * @param sentences an encoder for sentence similarity, or null to leave that view out (not closed by the server)
     * @throws IOException if the address cannot be bound
     */
    public static ExplorerServer start(WordVectors vectors, SentenceEncoder sentences, ExplorerOptions options)
            throws IOException {
        vectors.prepareQueries();
        return ExplorerServer.start(new ExplorerApi(vectors, sentences, options), options);
    }
}
