package dev.seqlab.corpora.text;

import dev.seqlab.core.progress.ProgressListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A corpus tokenised once: one pass over the text counts the words into a {@link Vocabulary} and
 * at the same time writes every token as a number to a temporary file, so that the passes a
 * trainer makes afterwards (word2vec's epochs, GloVe's co-occurrence count) read small integers
 * instead of tokenising the text again. The file holds about one to three bytes per token
 * (variable-length numbers, in order of first appearance) and is deleted by {@link #close()}.
 *
 * <pre>{@code
 * try (EncodedCorpus encoded = EncodedCorpus.build(corpus, new VocabularyOptions(5, 0), progress)) {
 *     encoded.forEachSentence((ids, length, tokens) -> ...);   // ids of the vocabulary's words only
 * }
 * }</pre>
 *
 * <p>While counting, one thread reads and tokenises the text and another counts and encodes it
 * ({@link SentenceBatches}). Reading is safe from one thread at a time per pass; several passes
 * may run one after another.
 */
public final class EncodedCorpus implements AutoCloseable {
    private static final int PROGRESS_STEP = 100_000;
    private static final int BUFFER_BYTES = 1 << 20;
    private final Vocabulary vocabulary;
    private final Path file;
    private final int[] finalId;
    private final int longestSentence;

    /** Receives the sentences of a pass. */
    @FunctionalInterface
    public interface SentenceConsumer {
        /**
         * One sentence: {@code ids[0..length)} are the vocabulary ids of its in-vocabulary words,
         * in order (length may be 0); {@code tokens} counts all its tokens, words dropped by the
         * vocabulary included. The array is reused for the next sentence.
         */
        void accept(int[] ids, int length, int tokens) throws IOException;
    }

    private EncodedCorpus(Vocabulary vocabulary, Path file, int[] finalId, int longestSentence) {
        this.vocabulary = vocabulary;
        this.file = file;
        this.finalId = finalId;
        this.longestSentence = longestSentence;
    }

    /** As {@link #build(Corpus, VocabularyOptions, ProgressListener, Path)} in the system's temporary directory. */
    public static EncodedCorpus build(Corpus corpus, VocabularyOptions options, ProgressListener progress)
            throws IOException {
        return build(corpus, options, progress, null);
    }

    /**
     * Reads {@code corpus} once, counting words (reported to {@code progress} as "Counting words")
     * and writing the token stream to a temporary file in {@code directory} (null: the system's
     * temporary directory).
     *
     * @throws IOException if the corpus cannot be read or the file cannot be written
     */
    public static EncodedCorpus build(Corpus corpus, VocabularyOptions options, ProgressListener progress,
            Path directory) throws IOException {
        Objects.requireNonNull(options, "options");
        Path file = directory == null ? Files.createTempFile("seqlab-corpus-", ".ids")
                : Files.createTempFile(directory, "seqlab-corpus-", ".ids");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            Map<String, WordEntry> entries = new HashMap<>(1 << 16);
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
            long[] totals = new long[2]; // tokens, tokens not yet reported
            int[] longest = {0};
            progress.start("Counting words", -1, "words");
            SentenceBatches.read(corpus, sentence -> {
                if (buffer.remaining() < 5 * (sentence.size() + 1)) {
                    drain(buffer, out);
                    if (buffer.remaining() < 5 * (sentence.size() + 1)) {
                        throw new IOException("a sentence of " + sentence.size() + " tokens is too long to encode");
                    }
                }
                for (String w : sentence) {
                    WordEntry e = entries.get(w);
                    if (e == null) {
                        e = new WordEntry(entries.size());
                        entries.put(w, e);
                    }
                    e.count++;
                    putVarint(buffer, e.id + 1);
                }
                buffer.put((byte) 0);
                longest[0] = Math.max(longest[0], sentence.size());
                totals[0] += sentence.size();
                totals[1] += sentence.size();
                if (totals[1] >= PROGRESS_STEP) {
                    progress.advance(totals[1]);
                    totals[1] = 0;
                }
            });
            drain(buffer, out);
            progress.advance(totals[1]);
            progress.finish();
            Map<String, Long> counts = new HashMap<>(entries.size() * 2);
            entries.forEach((w, e) -> counts.put(w, e.count));
            Vocabulary vocabulary = Vocabulary.fromCounts(counts, totals[0], options);
            int[] finalId = new int[entries.size()];
            entries.forEach((w, e) -> finalId[e.id] = vocabulary.id(w));
            return new EncodedCorpus(vocabulary, file, finalId, longest[0]);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static final class WordEntry {
        final int id;
        long count;

        WordEntry(int id) {
            this.id = id;
        }
    }

    private static void putVarint(ByteBuffer b, int value) {
        while ((value & ~0x7F) != 0) {
            b.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        b.put((byte) value);
    }

    private static void drain(ByteBuffer buffer, FileChannel out) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    /** The words counted, with the options' min-count and max-size applied. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Tokens in the corpus, out-of-vocabulary ones included. */
    public long corpusTokens() {
        return vocabulary.corpusTokens();
    }

    /** Reads one pass, sentence by sentence (also the empty ones left when no word is in the vocabulary). */
    public void forEachSentence(SentenceConsumer action) throws IOException {
        int[] ids = new int[Math.max(1, longestSentence)];
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
            buffer.flip();
            int length = 0;
            int tokens = 0;
            int value = 0;
            int shift = 0;
            while (true) {
                if (!buffer.hasRemaining()) {
                    buffer.clear();
                    if (in.read(buffer) < 0) {
                        break;
                    }
                    buffer.flip();
                }
                byte b = buffer.get();
                value |= (b & 0x7F) << shift;
                if (b < 0) {
                    shift += 7;
                    continue;
                }
                if (value == 0) {
                    action.accept(ids, length, tokens);
                    length = 0;
                    tokens = 0;
                } else {
                    tokens++;
                    int id = finalId[value - 1];
                    if (id >= 0) {
                        ids[length++] = id;
                    }
                }
                value = 0;
                shift = 0;
            }
            if (length != 0 || tokens != 0 || shift != 0) {
                throw new IOException("the encoded corpus " + file + " ends inside a sentence");
            }
        }
    }

    /** Deletes the temporary file. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
