package dev.seqlab.corpora.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A source of tokenised sentences that can be read any number of times, each pass streaming from
 * the start: what word2vec and GloVe train on.
 *
 * <pre>{@code
 * Corpus corpus = Corpus.of(Path.of("wiki.txt.gz"), TextCorpusOptions.defaults().withLowercase(true));
 * corpus.forEachSentence(sentence -> System.out.println(sentence.size()));
 * }</pre>
 */
public interface Corpus {

    /** Receives sentences. */
    @FunctionalInterface
    interface SentenceConsumer {
        /** One sentence, never empty; the list belongs to the consumer. */
        void accept(List<String> sentence) throws IOException;
    }

    /** Starts a pass over the sentences. */
    SentenceReader open() throws IOException;

    /** Reads one full pass, giving each sentence to {@code action}. */
    default void forEachSentence(SentenceConsumer action) throws IOException {
        try (SentenceReader reader = open()) {
            for (List<String> s; (s = reader.next()) != null; ) {
                action.accept(s);
            }
        }
    }

    /**
     * The text in a file, or in every regular file under a directory (recursively, in path order,
     * hidden files skipped); gzip files are recognised by their content and decompressed. Text is
     * UTF-8, one sentence per line.
     *
     * @throws java.nio.file.NoSuchFileException if {@code path} does not exist
     * @throws IOException if a directory holds no file or cannot be listed
     */
    static TextCorpus of(Path path, TextCorpusOptions options) throws IOException {
        return TextCorpus.open(path, options);
    }

    /**
     * Sentences already in memory, used as they are (empty sentences are skipped). The list is
     * not copied; do not change it while a pass runs.
     */
    static Corpus of(List<? extends List<String>> sentences) {
        return new InMemoryCorpus(sentences);
    }
}
