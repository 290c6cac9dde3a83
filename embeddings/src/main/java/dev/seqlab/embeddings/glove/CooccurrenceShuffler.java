package dev.seqlab.embeddings.glove;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.random.SeededRandom;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Puts the merged co-occurrence pairs in a uniformly random order within a memory budget, and
 * turns each into a training record: int a, int b, float log(x), float weight f(x) =
 * min(1, (x / xMax)^alpha), 16 bytes little-endian, so training computes neither the logarithm
 * nor the power.
 *
 * <p>Two passes: each pair goes to one of B bucket files chosen at random (B is the smallest
 * number whose buckets fit the budget), then each bucket is read whole, shuffled (Fisher–Yates)
 * and appended to the output. A random bucket followed by a random order within it is a uniform
 * random permutation of all pairs.
 */
final class CooccurrenceShuffler implements CooccurrenceCounter.PairSink {
    /** Bytes of a training record. */
    static final int RECORD_BYTES = 16;

    private static final int MAX_BUCKETS = 1024;

    private final float xMax;
    private final float alpha;
    private final SeededRandom random;
    private final RecordOutput[] buckets;
    private final Path[] bucketFiles;
    private final ProgressListener progress;
    private long pairs;
    private long reported;

    /**
     * @param maxPairs    an upper bound on the pairs to come
     * @param memoryBytes the budget for one bucket in memory
     */
    CooccurrenceShuffler(
            Path workDirectory,
            long maxPairs,
            long memoryBytes,
            double xMax,
            double alpha,
            SeededRandom random,
            ProgressListener progress)
            throws IOException {
        this.xMax = (float) xMax;
        this.alpha = (float) alpha;
        this.random = random;
        this.progress = progress;
        long bytes = Math.max(1, maxPairs) * RECORD_BYTES;
        // a quarter of room for the random spread of bucket sizes
        int count = (int) Math.min(MAX_BUCKETS, Math.max(1, (bytes + bytes / 4 + memoryBytes - 1) / memoryBytes));
        buckets = new RecordOutput[count];
        bucketFiles = new Path[count];
        int bufferBytes =
                (int) Math.max(RECORD_BYTES * 256L, Math.min(RecordOutput.BUFFER_BYTES, memoryBytes / 4 / count));
        for (int i = 0; i < count; i++) {
            bucketFiles[i] = workDirectory.resolve("bucket-" + i + ".bin");
            buckets[i] = new RecordOutput(bucketFiles[i], RECORD_BYTES, bufferBytes);
        }
    }

    /** How many bucket files the pairs are spread over. */
    int buckets() {
        return buckets.length;
    }

    @Override
    public void accept(int a, int b, float x) throws IOException {
        RecordOutput out = buckets[buckets.length == 1 ? 0 : random.nextInt(buckets.length)];
        float weight = x >= xMax ? 1f : (float) Math.pow(x / xMax, alpha);
        out.record().putInt(a).putInt(b).putFloat((float) Math.log(x)).putFloat(weight);
        if (++pairs - reported >= 100_000) {
            progress.advance(pairs - reported);
            reported = pairs;
        }
    }

    /** Pairs received. */
    long pairs() {
        return pairs;
    }

    /**
     * Shuffles each bucket into {@code target} and deletes the buckets.
     *
     * @return the number of records written
     */
    long finish(Path target) throws IOException {
        progress.advance(pairs - reported);
        for (RecordOutput out : buckets) {
            out.close();
        }
        long written = 0;
        try (FileChannel channel = FileChannel.open(
                target, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Path file : bucketFiles) {
                long size = Files.size(file);
                if (size > Integer.MAX_VALUE - 16) {
                    throw new IOException("a shuffle bucket outgrew 2 GB; raise the memory budget");
                }
                ByteBuffer bytes = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    while (bytes.hasRemaining() && in.read(bytes) >= 0) {
                        // read the whole bucket
                    }
                }
                Files.delete(file);
                bytes.flip();
                LongBuffer records = bytes.asLongBuffer(); // two longs per record
                int n = (int) (size / RECORD_BYTES);
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    long x0 = records.get(2 * i);
                    long x1 = records.get(2 * i + 1);
                    records.put(2 * i, records.get(2 * j));
                    records.put(2 * i + 1, records.get(2 * j + 1));
                    records.put(2 * j, x0);
                    records.put(2 * j + 1, x1);
                }
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                written += n;
            }
        }
        return written;
    }
}
