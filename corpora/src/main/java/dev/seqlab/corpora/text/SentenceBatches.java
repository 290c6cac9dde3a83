package dev.seqlab.corpora.text;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One pass over a corpus on two threads: a reader thread reads and tokenises the text into
 * batches of sentences, while the calling thread consumes them in order. Tokenising is about as
 * costly as counting or encoding the tokens, so the pass takes about half the time of doing both
 * on one thread. Sentences arrive in corpus order, so results do not depend on timing.
 */
final class SentenceBatches {
    private static final int BATCH_TOKENS = 16_384;
    private static final List<List<String>> END = new ArrayList<>();

    private SentenceBatches() {}

    /**
     * Reads one pass of {@code corpus}, giving each sentence to {@code action} on this thread.
     *
     * @throws IOException whatever reading the corpus or the action threw
     */
    static void read(Corpus corpus, Corpus.SentenceConsumer action) throws IOException {
        BlockingQueue<List<List<String>>> queue = new ArrayBlockingQueue<>(8);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(
                () -> {
                    try {
                        Batch batch = new Batch();
                        corpus.forEachSentence(sentence -> {
                            batch.sentences.add(sentence);
                            batch.tokens += sentence.size();
                            if (batch.tokens >= BATCH_TOKENS) {
                                put(queue, batch.sentences);
                                batch.sentences = new ArrayList<>();
                                batch.tokens = 0;
                            }
                        });
                        if (!batch.sentences.isEmpty()) {
                            put(queue, batch.sentences);
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    } finally {
                        try {
                            queue.put(END);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                "seqlab-corpus-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (List<List<String>> batch; (batch = queue.take()) != END; ) {
                for (List<String> sentence : batch) {
                    action.accept(sentence);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reading the corpus was interrupted");
        } catch (IOException | RuntimeException | Error e) {
            reader.interrupt();
            queue.clear(); // room for the reader's end marker: it must not wait for us
            throw e;
        }
        Throwable error = failure.get();
        if (error instanceof IOException io) {
            throw io;
        } else if (error instanceof UncheckedIOException u) {
            throw u.getCause();
        } else if (error instanceof RuntimeException re) {
            throw re;
        } else if (error instanceof Error err) {
            throw err;
        } else if (error != null) {
            throw new IOException(error);
        }
    }

    private static final class Batch {
        List<List<String>> sentences = new ArrayList<>();
        int tokens;
    }

    private static void put(BlockingQueue<List<List<String>>> queue, List<List<String>> batch) throws IOException {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reading the corpus was interrupted");
        }
    }
}
