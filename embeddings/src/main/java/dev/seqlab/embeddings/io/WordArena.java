package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.embeddings.store.ChunkedWordTable;
import dev.seqlab.embeddings.store.IntChunks;
import dev.seqlab.embeddings.store.RecordWordTable;
import dev.seqlab.embeddings.store.WordChunks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words of a text vectors file as they are parsed, without a String per word: each word's
 * UTF-8 bytes become a record in a chunk of 64 KiB, in the layout of {@link WordChunks}. Every
 * parsing thread fills chunks of its own through a {@link Writer}, rows in increasing order
 * within a part of the file; a chunk gets its number when it is made, so addresses are final at
 * once and nothing is copied or relocated when the threads finish. Besides the records, a few
 * bytes for every sixteen rows and for each run of rows a thread wrote in one chunk. No array is
 * as large as half a G1 region, so in a heap little larger than the float matrix the words never
 * need contiguous free regions.
 */
final class WordArena {
    private static final int CHUNK = 1 << WordChunks.SHIFT;

    private final Path file;
    private final int rows;
    private final IntChunks groups;
    private final List<Writer> writers = new ArrayList<>();
    private byte[][] chunks = new byte[16][];
    private int count;

    /** Room for the words of {@code rows} rows of {@code file} (named in errors). */
    WordArena(Path file, int rows) {
        this.file = file;
        this.rows = rows;
        this.groups = new IntChunks((rows + WordChunks.GROUP - 1) >> WordChunks.GROUP_SHIFT);
    }

    /** A writer for one thread's rows; the writers of different threads may run at once. */
    synchronized Writer writer() {
        Writer w = new Writer();
        writers.add(w);
        return w;
    }

    private synchronized int register(byte[] chunk) throws MalformedFileException {
        if (count == WordChunks.MAX_CHUNKS) {
            throw new MalformedFileException(
                    file,
                    0,
                    "the words take more than " + ((long) WordChunks.MAX_CHUNKS << WordChunks.SHIFT)
                            + " bytes, more than seqlab can index; load fewer words with a limit");
        }
        if (count == chunks.length) {
            chunks = Arrays.copyOf(chunks, 2 * count);
        }
        chunks[count] = chunk;
        return count++;
    }

    /**
     * The records of every row, once all are parsed (the writers' threads joined): each writer's
     * last chunk cut to the bytes it used, the runs of all writers in row order.
     */
    synchronized WordChunks records() {
        int runs = 0;
        for (Writer w : writers) {
            runs += w.runs;
        }
        long[] all = new long[runs];
        int n = 0;
        for (Writer w : writers) {
            if (w.chunk != null && w.at < w.chunk.length) {
                chunks[w.id] = Arrays.copyOf(w.chunk, w.at);
            }
            w.chunk = null;
            for (int i = 0; i < w.runs; i++) {
                all[n++] = w.runStarts[i];
            }
        }
        writers.clear();
        Arrays.sort(all);
        int[] runRows = new int[runs];
        int[] runAddresses = new int[runs];
        for (int i = 0; i < runs; i++) {
            runRows[i] = (int) (all[i] >>> 32);
            runAddresses[i] = (int) all[i];
        }
        return new WordChunks(Arrays.copyOf(chunks, count), groups, runRows, runAddresses, rows);
    }

    /**
     * The word table of every row, once all are parsed: a word met again is left out (its first
     * occurrence kept) and reported to {@code duplicates}.
     */
    ChunkedWordTable index(RecordWordTable.Duplicates duplicates) {
        return ChunkedWordTable.index(records(), duplicates);
    }

    /** The words of every row as Strings, once all are parsed. */
    String[] strings() {
        WordChunks records = records();
        String[] words = new String[rows];
        records.forEach((row, address) -> words[row] = records.word(address));
        return words;
    }

    /** Appends the words of one thread's rows to chunks of its own. */
    final class Writer {
        private byte[] chunk;
        private int id;
        private int at;
        /** The row after the last one written next to the record at {@link #at}; -1 for none. */
        private int next = -1;
        /** The rows and addresses where this writer's runs start, {@code row << 32 | address}. */
        private long[] runStarts = new long[4];

        private int runs;

        private Writer() {}

        /** Records {@code b[off, off + len)} as the word of row {@code row}. */
        void add(int row, byte[] b, int off, int len) throws MalformedFileException {
            int size = WordChunks.recordSize(len);
            int address;
            if (size > CHUNK) { // a chunk of its own, as long as the word: a run of one row
                byte[] own = new byte[size];
                WordChunks.writeRecord(own, 0, b, off, len);
                address = register(own) << WordChunks.SHIFT;
                run(row, address);
                next = -1;
            } else {
                if (chunk == null || at + size > CHUNK) {
                    chunk = new byte[CHUNK];
                    id = register(chunk);
                    at = 0;
                    next = -1;
                }
                address = id << WordChunks.SHIFT | at;
                if (row != next) {
                    run(row, address);
                }
                at = WordChunks.writeRecord(chunk, at, b, off, len);
                next = row + 1;
            }
            if ((row & (WordChunks.GROUP - 1)) == 0) {
                groups.set(row >> WordChunks.GROUP_SHIFT, address);
            }
        }

        private void run(int row, int address) {
            if (runs == runStarts.length) {
                runStarts = Arrays.copyOf(runStarts, 2 * runs);
            }
            runStarts[runs++] = (long) row << 32 | address;
        }
    }
}
