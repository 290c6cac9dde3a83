package dev.seqlab.embeddings.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Parses a decompressing stream of text records on several threads: the calling thread
 * decompresses (gzip is sequential) into blocks cut at line ends, counts each block's lines so
 * that it knows the block's first row, and hands the block to a parser thread; at most two blocks
 * per parser are in flight, so memory stays a few blocks whatever the file's size. Errors are
 * reported for the earliest block that has one, as a sequential parse would.
 */
final class GzipTextParts {
    /** Bytes per block: a quarter megabyte, so that the blocks in flight fit beside the matrix in a heap of 1.1 × it. */
    private static final int BLOCK = 1 << 18;

    private GzipTextParts() {}

    /** Parses {@code rows} lines of {@code in} into rows 0... with {@code parser}, on {@code threads} parser threads. */
    static void parse(InputStream in, TextRecordParser parser, int rows, long firstLine, int threads)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "seqlab-vectors-parser");
            t.setDaemon(true);
            return t;
        });
        // one writer of words per parser thread (the pool's threads end with this call)
        ThreadLocal<WordArena.Writer> writers = ThreadLocal.withInitial(parser::writer);
        Deque<Future<Void>> inFlight = new ArrayDeque<>();
        try {
            byte[] carry = new byte[0];
            int row = 0;
            boolean eof = false;
            while (row < rows && !eof) {
                byte[] buf = Arrays.copyOf(carry, Math.max(BLOCK, 2 * carry.length));
                int len = carry.length;
                int r = in.readNBytes(buf, len, buf.length - len);
                len += r;
                eof = len < buf.length;
                int stop = eof ? len : lastNewline(buf, len) + 1;
                if (stop == 0) { // a line longer than the block: read on into a bigger one
                    carry = Arrays.copyOf(buf, len);
                    continue;
                }
                long lines = LineCounter.count(buf, 0, stop);
                if (eof && stop > 0 && buf[stop - 1] != '\n') {
                    lines++;
                }
                int n = (int) Math.min(lines, rows - row);
                int first = row;
                int end = stop;
                inFlight.add(pool.submit(() -> {
                    parser.parseLines(buf, end, first, n, firstLine + first, writers.get());
                    return null;
                }));
                row += n;
                carry = Arrays.copyOfRange(buf, stop, len);
                while (inFlight.size() >= 2 * threads) {
                    await(inFlight.poll());
                }
            }
            while (!inFlight.isEmpty()) {
                await(inFlight.poll());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<Void> f) throws IOException {
        try {
            f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException) {
                throw (IOException) c;
            }
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IOException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading vectors");
        }
    }

    private static int lastNewline(byte[] buf, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
