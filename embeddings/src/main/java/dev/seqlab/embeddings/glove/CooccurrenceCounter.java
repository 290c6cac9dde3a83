package dev.seqlab.embeddings.glove;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts word co-occurrences in a symmetric window, each pair at distance d adding 1/d in both
 * directions, within a memory budget. Frequent pairs are added up in a
 * {@link DenseCooccurrences} table; the others collect in a {@link PairBuffer} which, when full,
 * is sorted and combined and, if still more than half full, written to a sorted run file in the
 * work directory. {@link #merge} then streams the sum of the table, the runs and what is left in
 * the buffer in (a, b) order.
 *
 * <p>The budget covers the table and the buffer (half each at most; the table takes less when
 * the whole V×V matrix is smaller). Words are ids of a vocabulary numbered by frequency.
 */
final class CooccurrenceCounter {
    /** Bytes of a run-file record: int a, int b, float amount. */
    static final int RUN_RECORD_BYTES = 12;

    private static final int MIN_BUFFER_ENTRIES = 256;

    private final int vocabularySize;
    private final int window;
    private final float[] inverseDistance;
    private final DenseCooccurrences dense;
    private final PairBuffer buffer;
    private final Path workDirectory;
    private final List<Path> runs = new ArrayList<>();
    private long spilledRecords;

    /**
     * @param vocabularySize V; word ids are below it
     * @param window         how many words on each side count as context
     * @param memoryBytes    the budget for the table and the buffer
     * @param workDirectory  where run files go (the caller deletes the directory)
     */
    CooccurrenceCounter(int vocabularySize, int window, long memoryBytes, Path workDirectory) {
        this.vocabularySize = vocabularySize;
        this.window = window;
        this.workDirectory = workDirectory;
        this.inverseDistance = new float[window + 1];
        for (int d = 1; d <= window; d++) {
            inverseDistance[d] = 1.0f / d;
        }
        this.dense = DenseCooccurrences.withinCells(vocabularySize, memoryBytes / 2 / Double.BYTES);
        long left = memoryBytes - dense.bytes();
        long entries =
                Math.max(MIN_BUFFER_ENTRIES, Math.min(Integer.MAX_VALUE - 16L, left / PairBuffer.BYTES_PER_ENTRY));
        this.buffer = new PairBuffer((int) entries, (long) vocabularySize * vocabularySize - 1);
    }

    /** Counts the pairs of one sentence, given as word ids {@code ids[from..to)}. */
    void addSentence(int[] ids, int from, int to) throws IOException {
        for (int j = from + 1; j < to; j++) {
            int b = ids[j];
            int first = Math.max(from, j - window);
            for (int i = j - 1; i >= first; i--) {
                int a = ids[i];
                float x = inverseDistance[j - i];
                add(a, b, x);
                add(b, a, x);
            }
        }
    }

    private void add(int a, int b, float x) throws IOException {
        if (!dense.add(a, b, x)) {
            if (buffer.isFull()) {
                makeRoom();
            }
            buffer.add((long) a * vocabularySize + b, x);
        }
    }

    private void makeRoom() throws IOException {
        buffer.sortAndCombine();
        if (buffer.size() > buffer.capacity() / 2) {
            Path run = workDirectory.resolve("run-" + runs.size() + ".bin");
            try (RecordOutput out = new RecordOutput(run, RUN_RECORD_BYTES)) {
                for (int i = 0; i < buffer.size(); i++) {
                    long key = buffer.key(i);
                    out.record()
                            .putInt((int) (key / vocabularySize))
                            .putInt((int) (key % vocabularySize))
                            .putFloat(buffer.amount(i));
                }
            }
            spilledRecords += buffer.size();
            runs.add(run);
            buffer.clear();
        }
    }

    /** Sorted run files written so far. */
    int runs() {
        return runs.size();
    }

    /** Records written to run files so far. */
    long spilledRecords() {
        return spilledRecords;
    }

    /** Bytes of the dense table and the buffer (with its sort scratch): what the budget bounds. */
    long memoryBytes() {
        return dense.bytes() + (long) buffer.capacity() * PairBuffer.BYTES_PER_ENTRY;
    }

    /**
     * An upper bound on the number of distinct pairs {@link #merge} will give: the table's
     * non-zero cells plus every run record plus the buffer's entries.
     */
    long maxPairs() {
        buffer.sortAndCombine();
        return dense.nonZero() + spilledRecords + buffer.size();
    }

    /** Receives merged pairs. */
    interface PairSink {
        void accept(int a, int b, float x) throws IOException;
    }

    /**
     * Gives every pair with a non-zero count to {@code sink} once, in (a, b) order, with its total.
     * Run files are deleted as they are used up.
     */
    void merge(PairSink sink) throws IOException {
        buffer.sortAndCombine();
        List<PairSource> sources = new ArrayList<>();
        sources.add(denseSource());
        sources.add(bufferSource());
        List<RecordInput> inputs = new ArrayList<>();
        try {
            int each = (int)
                    Math.max(1 << 16, Math.min(RecordOutput.BUFFER_BYTES, (32L << 20) / Math.max(1, runs.size())));
            for (Path run : runs) {
                RecordInput in = new RecordInput(run, RUN_RECORD_BYTES, each);
                inputs.add(in);
                sources.add(runSource(in));
            }
            SourceHeap heap = new SourceHeap(sources);
            long current = -1;
            double total = 0;
            while (!heap.isEmpty()) {
                PairSource s = heap.top();
                long key = s.key();
                if (key != current) {
                    if (current >= 0 && total != 0) {
                        sink.accept((int) (current / vocabularySize), (int) (current % vocabularySize), (float) total);
                    }
                    current = key;
                    total = 0;
                }
                total += s.amount();
                heap.advanceTop();
            }
            if (current >= 0 && total != 0) {
                sink.accept((int) (current / vocabularySize), (int) (current % vocabularySize), (float) total);
            }
        } finally {
            for (RecordInput in : inputs) {
                in.close();
            }
            for (Path run : runs) {
                Files.deleteIfExists(run);
            }
        }
    }

    private PairSource denseSource() {
        return new PairSource() {
            private int a;
            private int b = -1;

            @Override
            public boolean advance() {
                while (a < vocabularySize) {
                    int len = dense.rowLength(a);
                    while (++b < len) {
                        if (dense.get(a, b) != 0) {
                            return true;
                        }
                    }
                    a++;
                    b = -1;
                    if (len == 0) {
                        a = vocabularySize; // rows only get shorter
                    }
                }
                return false;
            }

            @Override
            public long key() {
                return (long) a * vocabularySize + b;
            }

            @Override
            public double amount() {
                return dense.get(a, b);
            }
        };
    }

    private PairSource bufferSource() {
        return new PairSource() {
            private int i = -1;

            @Override
            public boolean advance() {
                return ++i < buffer.size();
            }

            @Override
            public long key() {
                return buffer.key(i);
            }

            @Override
            public double amount() {
                return buffer.amount(i);
            }
        };
    }

    private PairSource runSource(RecordInput in) {
        return new PairSource() {
            private long key;
            private float amount;

            @Override
            public boolean advance() throws IOException {
                ByteBuffer r = in.next();
                if (r == null) {
                    return false;
                }
                key = (long) r.getInt() * vocabularySize + r.getInt();
                amount = r.getFloat();
                return true;
            }

            @Override
            public long key() {
                return key;
            }

            @Override
            public double amount() {
                return amount;
            }
        };
    }

    /** A binary min-heap of sources by current key. */
    private static final class SourceHeap {
        private final PairSource[] heap;
        private int size;

        SourceHeap(List<PairSource> sources) throws IOException {
            heap = new PairSource[sources.size()];
            for (PairSource s : sources) {
                if (s.advance()) {
                    heap[size++] = s;
                    up(size - 1);
                }
            }
        }

        boolean isEmpty() {
            return size == 0;
        }

        PairSource top() {
            return heap[0];
        }

        void advanceTop() throws IOException {
            if (!heap[0].advance()) {
                heap[0] = heap[--size];
                heap[size] = null;
            }
            if (size > 0) {
                down(0);
            }
        }

        private void up(int i) {
            while (i > 0) {
                int p = (i - 1) / 2;
                if (heap[p].key() <= heap[i].key()) {
                    return;
                }
                swap(i, p);
                i = p;
            }
        }

        private void down(int i) {
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) {
                    return;
                }
                int m = l + 1 < size && heap[l + 1].key() < heap[l].key() ? l + 1 : l;
                if (heap[i].key() <= heap[m].key()) {
                    return;
                }
                swap(i, m);
                i = m;
            }
        }

        private void swap(int i, int j) {
            PairSource t = heap[i];
            heap[i] = heap[j];
            heap[j] = t;
        }
    }
}
