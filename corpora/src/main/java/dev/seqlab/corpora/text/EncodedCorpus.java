package dev.seqlab.corpora.text;

import dev.seqlab.core.io.ExactCopy;
import dev.seqlab.core.progress.ProgressListener;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * try (EncodedCorpus encoded = EncodedCorpus.build(corpus, VocabularyOptions.defaults(), progress)) {
 *     encoded.forEachSentence((ids, length, tokens) -> ...);   // ids of the vocabulary's words only
 * }
 * }</pre>
 *
 * <p>While counting, one thread reads and tokenises the text and another counts and encodes it
 * ({@link SentenceBatches}); a text corpus split at whitespace ({@link Tokenizers#whitespace()})
 * is counted straight from its UTF-8 bytes instead, several times faster. Reading is safe from one thread at a time per pass; several passes
 * may run one after another.
 */
public final class EncodedCorpus implements AutoCloseable {
    private static final int PROGRESS_STEP = 100_000;
    private static final int BUFFER_BYTES = 1 << 20;
    /**
     * Text files of at least this many bytes are counted in two halves on two threads (when there
     * are two cores): counting is one core's work otherwise, about a second of the 7.2M-token
     * benchmark corpus (42 MB) while training takes four.
     */
    private static final long SPLIT_BYTES = 8L << 20;

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
    public static EncodedCorpus build(
            Corpus corpus, VocabularyOptions options, ProgressListener progress, Path directory) throws IOException {
        return build(corpus, options, progress, directory, SPLIT_BYTES);
    }

    /**
     * As {@link #build(Corpus, VocabularyOptions, ProgressListener, Path)}, counting a single plain
     * text file split at whitespace in two halves at once when it has at least {@code splitBytes}
     * bytes (the result is the same either way).
     */
    static EncodedCorpus build(
            Corpus corpus, VocabularyOptions options, ProgressListener progress, Path directory, long splitBytes)
            throws IOException {
        Objects.requireNonNull(options, "options");
        Path file = directory == null
                ? Files.createTempFile("seqlab-corpus-", ".ids")
                : Files.createTempFile(directory, "seqlab-corpus-", ".ids");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            progress.start("Counting words", -1, "words");
            Counted counted = Utf8WhitespaceTokens.applies(corpus)
                    ? countBytes((TextCorpus) corpus, file, out, progress, options.minCount(), splitBytes)
                    : countStrings(corpus, out, progress);
            progress.finish();
            // words under the min-count never reach the vocabulary: they are left out of the map
            // (and, counted from bytes, never made into strings: most distinct words are rare)
            Map<String, Long> counts = new HashMap<>(counted.words.size() * 2);
            for (int i = 0; i < counted.words.size(); i++) {
                if (counted.counts[i] >= options.minCount()) {
                    counts.put(counted.words.get(i), counted.counts[i]);
                }
            }
            Vocabulary vocabulary = Vocabulary.fromCounts(counts, counted.tokens, options);
            int[] finalId = new int[counted.words.size()];
            for (int i = 0; i < finalId.length; i++) {
                finalId[i] = counted.counts[i] >= options.minCount() ? vocabulary.id(counted.words.get(i)) : -1;
            }
            return new EncodedCorpus(vocabulary, file, finalId, counted.longestSentence);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * What the counting pass found: the words in order of first appearance (null for a word counted
     * from bytes fewer than min-count times), with their counts.
     */
    private record Counted(List<String> words, long[] counts, long tokens, int longestSentence) {}

    /** Counts any corpus, one sentence of strings at a time (reading and tokenising on a second thread). */
    private static Counted countStrings(Corpus corpus, FileChannel out, ProgressListener progress) throws IOException {
        Map<String, WordEntry> entries = new HashMap<>(1 << 16);
        List<String> words = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
        long[] totals = new long[2]; // tokens, tokens not yet reported
        int[] longest = {0};
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
                    words.add(w);
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
        long[] counts = new long[words.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = entries.get(words.get(i)).count;
        }
        return new Counted(words, counts, totals[0], longest[0]);
    }

    /**
     * Counts a text corpus split at whitespace straight from its bytes ({@link Utf8WhitespaceTokens},
     * {@link ByteWordTable}): the same words, numbers and file as {@link #countStrings}, without a
     * string per token. A single plain file of at least {@code splitBytes} bytes is counted in two
     * halves at once ({@link #countHalves}).
     */
    private static Counted countBytes(
            TextCorpus corpus, Path file, FileChannel out, ProgressListener progress, int minCount, long splitBytes)
            throws IOException {
        if (corpus.files().size() == 1 && Runtime.getRuntime().availableProcessors() > 1) {
            Path text = corpus.files().get(0);
            long size = Files.size(text);
            long split = size >= splitBytes ? lineStart(text, size / 2) : size;
            if (split > 0 && split < size && !gzip(text)) {
                try {
                    return countHalves(corpus, text, split, size, file, out, progress, minCount);
                } catch (IOException | RuntimeException e) {
                    // e.g. a byte that is not UTF-8 in the second half: one pass names its line
                    out.truncate(0);
                    out.position(0);
                }
            }
        }
        BytePart part = new BytePart(out, progress);
        Utf8WhitespaceTokens.scan(corpus, part);
        return part.counted(minCount);
    }

    /**
     * Counts bytes [0, split) of the text on this thread and [split, size) on another, each into
     * its own table, the second half's numbers into a file of its own; then adds the second table
     * to the first (its new words numbered after the first half's, in order) and appends its
     * numbers, renumbered, to {@code out}: the same words, counts and file as one pass, since the
     * halves meet at a line end.
     */
    private static Counted countHalves(
            TextCorpus corpus,
            Path text,
            long split,
            long size,
            Path file,
            FileChannel out,
            ProgressListener progress,
            int minCount)
            throws IOException {
        Path restFile = Files.createTempFile(file.toAbsolutePath().getParent(), "seqlab-corpus-", ".ids");
        try (FileChannel rest = FileChannel.open(restFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            BytePart second = new BytePart(rest, progress);
            Throwable[] failed = {null};
            Thread other = new Thread(
                    () -> {
                        try {
                            Utf8WhitespaceTokens.scanRange(corpus, text, split, size, second);
                            second.flush();
                        } catch (Throwable t) {
                            failed[0] = t;
                        }
                    },
                    "seqlab-count");
            other.setDaemon(true);
            other.start();
            BytePart first = new BytePart(out, progress);
            try {
                Utf8WhitespaceTokens.scanRange(corpus, text, 0, split, first);
                first.flush();
            } finally {
                joinUninterruptibly(other);
            }
            if (failed[0] instanceof IOException e) {
                throw e;
            } else if (failed[0] instanceof RuntimeException e) {
                throw e;
            } else if (failed[0] instanceof Error e) {
                throw e;
            }
            int[] ids = first.table.addAll(second.table);
            ByteBuffer in = ByteBuffer.allocate(BUFFER_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
            rest.position(0);
            int value = 0;
            int shift = 0;
            while (rest.read(in.clear()) > 0) {
                in.flip();
                while (in.hasRemaining()) {
                    byte b = in.get();
                    value |= (b & 0x7F) << shift;
                    if (b < 0) {
                        shift += 7;
                        continue;
                    }
                    if (buffer.remaining() < 6) {
                        drain(buffer, out);
                    }
                    putVarint(buffer, value == 0 ? 0 : ids[value - 1] + 1);
                    value = 0;
                    shift = 0;
                }
            }
            drain(buffer, out);
            Counted one = first.counted(minCount);
            return new Counted(
                    one.words,
                    one.counts,
                    first.tokens + second.tokens,
                    Math.max(first.longestSentence, second.longestSentence));
        } finally {
            Files.deleteIfExists(restFile);
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the file starts with the gzip magic number. */
    private static boolean gzip(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(2);
            while (head.hasRemaining() && in.read(head) > 0) {
                // reads the first two bytes
            }
            return head.position() == 2 && (head.get(0) & 0xFF) == 0x1f && (head.get(1) & 0xFF) == 0x8b;
        }
    }

    /** The first position at or after {@code position} that follows a line end ({@code '\\n'}), or the file's size. */
    private static long lineStart(Path file, long position) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return after(in, position, (byte) '\n');
        }
    }

    /** The position just past the first {@code delimiter} at or after {@code from}, or the file's size. */
    private static long after(FileChannel in, long from, byte delimiter) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 12);
        long p = from;
        while (true) {
            buffer.clear();
            int n = in.read(buffer, p);
            if (n <= 0) {
                return in.size();
            }
            for (int i = 0; i < n; i++) {
                if (buffer.get(i) == delimiter) {
                    return p + i + 1;
                }
            }
            p += n;
        }
    }

    /** Counts the tokens of one pass (or half) into its own table, writing their numbers to a file. */
    private static final class BytePart implements Utf8WhitespaceTokens.Sink {
        final ByteWordTable table = new ByteWordTable();
        // a heap buffer: a byte put per token is a plain array store (a direct buffer's goes
        // through a checked native access), and the channel copies each full megabyte once
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        private final FileChannel out;
        private final ProgressListener progress;
        long tokens;
        private long unreported;
        private int sentence;
        int longestSentence;

        BytePart(FileChannel out, ProgressListener progress) {
            this.out = out;
            this.progress = progress;
        }

        @Override
        public void token(byte[] bytes, int length) throws IOException {
            if (buffer.remaining() < 6) {
                drain(buffer, out);
            }
            putVarint(buffer, table.add(bytes, 0, length) + 1);
            sentence++;
            if (++unreported >= PROGRESS_STEP) {
                progress.advance(unreported);
                tokens += unreported;
                unreported = 0;
            }
        }

        @Override
        public void endSentence() throws IOException {
            if (buffer.remaining() < 1) {
                drain(buffer, out);
            }
            buffer.put((byte) 0);
            longestSentence = Math.max(longestSentence, sentence);
            sentence = 0;
        }

        /** Writes what is buffered and reports the last tokens. */
        void flush() throws IOException {
            drain(buffer, out);
            progress.advance(unreported);
            tokens += unreported;
            unreported = 0;
        }

        /** The words (null under min-count) and counts of the table, after {@link #flush}. */
        Counted counted(int minCount) throws IOException {
            flush();
            List<String> words = new ArrayList<>(table.size());
            long[] counts = new long[table.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = table.count(i);
                words.add(counts[i] >= minCount ? table.word(i) : null);
            }
            return new Counted(words, counts, tokens, longestSentence);
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
        try (PartReader part = part(0, 1)) {
            while (part.next(action)) {
                // each call passes one sentence on
            }
        }
    }

    /**
     * A reader of part {@code part} of {@code parts} of the corpus: the parts are about equal
     * spans of the encoded file, each starting at the first sentence that begins in its span, so
     * together they hold every sentence once, in order. Trainers read several parts at once to
     * mix distant stretches of the corpus, as the word2vec C tool's and gensim's threads do when
     * each reads its own part of the file.
     *
     * @throws IllegalArgumentException unless {@code 0 <= part < parts}
     * @throws IOException if the file cannot be read
     */
    public PartReader part(int part, int parts) throws IOException {
        if (parts < 1 || part < 0 || part >= parts) {
            throw new IllegalArgumentException("part must be in [0, " + parts + "), got " + part);
        }
        FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = in.size();
            long from = sentenceStart(in, size * part / parts);
            long to = part + 1 == parts ? size : sentenceStart(in, size * (part + 1) / parts);
            return new PartReader(in, from, to);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The first position at or after {@code position} where a sentence starts (after a 0 byte), or the end. */
    private static long sentenceStart(FileChannel in, long position) throws IOException {
        return position == 0 ? 0 : after(in, position - 1, (byte) 0);
    }

    /** Reads the sentences of one part of the corpus ({@link #part}), one per call of {@link #next}. */
    public final class PartReader implements AutoCloseable {
        private final FileChannel in;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
        private final int[] ids = new int[Math.max(1, longestSentence)];
        private long left;

        private PartReader(FileChannel in, long from, long to) throws IOException {
            this.in = in;
            this.left = to - from;
            in.position(from);
            buffer.flip();
        }

        /**
         * Passes the part's next sentence to {@code action}.
         *
         * @return false, without calling {@code action}, once the part has no sentence left
         * @throws IOException if the file cannot be read or ends inside a sentence
         */
        public boolean next(SentenceConsumer action) throws IOException {
            int length = 0;
            int tokens = 0;
            int value = 0;
            int shift = 0;
            boolean started = false;
            while (true) {
                if (!buffer.hasRemaining()) {
                    if (left <= 0) {
                        break;
                    }
                    buffer.clear();
                    if (buffer.remaining() > left) {
                        buffer.limit((int) left);
                    }
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    left -= n;
                    buffer.flip();
                }
                started = true;
                byte b = buffer.get();
                value |= (b & 0x7F) << shift;
                if (b < 0) {
                    shift += 7;
                    continue;
                }
                if (value == 0) {
                    action.accept(ids, length, tokens);
                    return true;
                }
                tokens++;
                int id = finalId[value - 1];
                if (id >= 0) {
                    ids[length++] = id;
                }
                value = 0;
                shift = 0;
            }
            if (started) {
                throw new IOException("the encoded corpus " + file + " ends inside a sentence");
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * Writes everything later passes need (the vocabulary with its counts, the token stream) to
     * {@code out}, e.g. into a training checkpoint; {@link #read} gives an equal corpus back.
     */
    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(vocabulary.size());
        for (int i = 0; i < vocabulary.size(); i++) {
            out.writeUTF(vocabulary.word(i));
            out.writeLong(vocabulary.count(i));
        }
        out.writeLong(vocabulary.corpusTokens());
        out.writeInt(longestSentence);
        out.writeInt(finalId.length);
        for (int id : finalId) {
            out.writeInt(id);
        }
        out.writeLong(Files.size(file));
        Files.copy(file, out);
    }

    /**
     * Reads a corpus {@link #writeTo written} before, its token stream into a temporary file in
     * {@code directory} (null: the system's temporary directory).
     *
     * @throws IOException if the data is cut short or inconsistent
     */
    public static EncodedCorpus read(DataInputStream in, Path directory) throws IOException {
        int words = in.readInt();
        if (words < 0) {
            throw new IOException("damaged encoded corpus: " + words + " words");
        }
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < words; i++) {
            counts.put(in.readUTF(), in.readLong());
        }
        long corpusTokens = in.readLong();
        Vocabulary vocabulary = Vocabulary.fromCounts(counts, corpusTokens, new VocabularyOptions(1, 0));
        int longest = in.readInt();
        int distinct = in.readInt();
        if (longest < 0 || distinct < 0) {
            throw new IOException(
                    "damaged encoded corpus: sentence length " + longest + ", " + distinct + " word types");
        }
        int[] finalId = new int[distinct];
        for (int i = 0; i < distinct; i++) {
            finalId[i] = in.readInt();
            if (finalId[i] < -1 || finalId[i] >= words) {
                throw new IOException("damaged encoded corpus: word id " + finalId[i] + " of " + words);
            }
        }
        long bytes = in.readLong();
        Path file = directory == null
                ? Files.createTempFile("seqlab-corpus-", ".ids")
                : Files.createTempFile(directory, "seqlab-corpus-", ".ids");
        try {
            ExactCopy.toFile(in, bytes, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new EncodedCorpus(vocabulary, file, finalId, longest);
    }

    /** Deletes the temporary file. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
