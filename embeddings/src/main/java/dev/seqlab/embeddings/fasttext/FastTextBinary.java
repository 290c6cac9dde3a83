package dev.seqlab.embeddings.fasttext;

import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.InputFiles;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.embeddings.store.FloatRows;
import dev.seqlab.embeddings.store.MappedRegion;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * fastText's {@code .bin} model layout (format version 12, as {@code FastText::saveModel} writes
 * it and Facebook's cc.*.bin and wiki.*.bin are published), little-endian throughout:
 *
 * <pre>
 * int32 magic 793712314, int32 version 12
 * args:       int32 dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket, minn, maxn,
 *             lrUpdateRate; float64 t
 * dictionary: int32 size, nwords, nlabels; int64 ntokens, pruneidx_size (-1: not pruned);
 *             per entry: UTF-8 bytes, NUL, int64 count, int8 type (0 word, 1 label);
 *             pruneidx_size pairs of int32 (bucket, row)
 * input:      int8 quantised (0), int64 rows, int64 cols, rows × cols float32
 * output:     int8 quantised (0), int64 rows, int64 cols, rows × cols float32
 * </pre>
 *
 * <p>Reading maps both matrices rather than reading them (the input matrix of a cc.*.300.bin is
 * 4.8 GB), so a model opens in the time it takes to read its dictionary and uses memory only for
 * the rows that are touched. Quantised models ({@code .ftz}, written by {@code fasttext quantize})
 * are refused with a message saying so. Every problem is a {@link MalformedFileException} of one
 * line naming the file and what is wrong.
 */
public final class FastTextBinary {
    /** fastText's file magic ({@code FASTTEXT_FILEFORMAT_MAGIC_INT32}). */
    public static final int MAGIC = 793712314;
    /** The format version written, and the newest read ({@code FASTTEXT_VERSION}). */
    public static final int VERSION = 12;
    /** Entry bytes at least: an empty word's NUL, its count and its type. */
    private static final int MIN_ENTRY_BYTES = 1 + 8 + 1;
    /** The longest word accepted (fastText reads words of any length; none real comes near). */
    private static final int MAX_WORD_BYTES = 1 << 20;

    private FastTextBinary() {}

    /** Whether {@code head} (the first bytes of a file) starts with fastText's magic. */
    public static boolean hasMagic(byte[] head) {
        return head.length >= 4
                && ByteBuffer.wrap(head, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == MAGIC;
    }

    /**
     * Opens the model in {@code file}, mapping its matrices.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws MalformedFileException            if it is not a fastText model this reader accepts
     */
    public static FastTextModel read(Path file) throws IOException {
        InputFiles.requireRegularFile(file, "a fastText model");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Reading(file, ch).model();
        }
    }

    /**
     * Writes {@code model} to {@code file} in the layout above, atomically (a temporary file in
     * the same directory, then a rename), so the fastText tool and {@link #read} can load it.
     */
    public static void write(FastTextModel model, Path file) throws IOException {
        AtomicFiles.write(file, out -> writeTo(model, out));
    }

    private static void writeTo(FastTextModel model, OutputStream out) throws IOException {
        FastTextArgs a = model.args();
        FastTextDictionary d = model.dictionary();
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(VERSION);
        b.putInt(a.dim()).putInt(a.ws()).putInt(a.epoch()).putInt(a.minCount()).putInt(a.neg());
        b.putInt(a.wordNgrams())
                .putInt(a.loss().code())
                .putInt(a.model().code())
                .putInt(a.bucket());
        b.putInt(a.minn()).putInt(a.maxn()).putInt(a.lrUpdateRate()).putDouble(a.t());
        flush(b, out);
        Map<Integer, Integer> prune = d.pruneIndex();
        b.putInt(d.size()).putInt(d.nwords()).putInt(d.nlabels());
        b.putLong(d.ntokens()).putLong(prune == null ? -1 : prune.size());
        flush(b, out);
        for (int i = 0; i < d.size(); i++) {
            out.write(d.word(i).getBytes(StandardCharsets.UTF_8));
            b.put((byte) 0).putLong(d.count(i)).put(d.type(i));
            flush(b, out);
        }
        if (prune != null) {
            for (Map.Entry<Integer, Integer> e : prune.entrySet()) {
                b.putInt(e.getKey()).putInt(e.getValue());
                flush(b, out);
            }
        }
        writeMatrix(model.input(), out);
        writeMatrix(model.output(), out);
    }

    private static void writeMatrix(FloatRows rows, OutputStream out) throws IOException {
        int dim = rows.dim();
        ByteBuffer head = ByteBuffer.allocate(17).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 0).putLong(rows.rows()).putLong(dim);
        out.write(head.array());
        int chunkRows = Math.max(1, (1 << 16) / dim);
        float[] chunk = new float[chunkRows * dim];
        ByteBuffer bytes = ByteBuffer.allocate(chunk.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows.rows(); r += chunkRows) {
            int n = Math.min(chunkRows, rows.rows() - r);
            rows.copyRows(r, n, chunk, 0);
            bytes.clear();
            bytes.asFloatBuffer().put(chunk, 0, n * dim);
            out.write(bytes.array(), 0, n * dim * 4);
        }
    }

    private static void flush(ByteBuffer b, OutputStream out) throws IOException {
        out.write(b.array(), 0, b.position());
        b.clear();
    }

    /** One read of one file: the position and size, for errors that say where. */
    private static final class Reading {
        private final Path file;
        private final FileChannel ch;
        private final long size;
        private final LittleEndianInput in;

        Reading(Path file, FileChannel ch) throws IOException {
            this.file = file;
            this.ch = ch;
            this.size = ch.size();
            this.in = new LittleEndianInput(ch, 0);
        }

        FastTextModel model() throws IOException {
            String part = "header";
            try {
                int magic = in.readInt();
                if (magic != MAGIC) {
                    throw bad(String.format(
                            "not a fastText model: it starts with 0x%08x, not fastText's magic 0x%08x", magic, MAGIC));
                }
                int version = in.readInt();
                if (version > VERSION) {
                    throw bad("fastText format version " + version + " is newer than the newest this reader knows ("
                            + VERSION + ")");
                }
                if (version < 0) {
                    throw bad("fastText format version " + version + " is not a version");
                }
                part = "args";
                FastTextArgs args = args(version);
                part = "dictionary";
                FastTextDictionary dictionary = dictionary();
                part = "input matrix";
                FloatRows input = matrix("input", args.dim());
                part = "output matrix";
                FloatRows output = matrix("output", args.dim());
                try {
                    return new FastTextModel(args, dictionary, input, output);
                } catch (IllegalArgumentException e) {
                    throw bad(e.getMessage());
                }
            } catch (EOFException e) {
                throw bad("truncated in the " + part + ": " + e.getMessage() + " (" + size + " bytes)");
            }
        }

        private FastTextArgs args(int version) throws IOException {
            int[] v = new int[12];
            for (int i = 0; i < v.length; i++) {
                v[i] = in.readInt();
            }
            double t = in.readDouble();
            try {
                FastTextArchitecture model = FastTextArchitecture.ofCode(v[7]);
                int maxn = v[10];
                if (version == 11 && model == FastTextArchitecture.SUPERVISED) {
                    maxn = 0; // as fastText: supervised models of version 11 did not use character n-grams
                }
                return new FastTextArgs(
                        v[0],
                        v[1],
                        v[2],
                        v[3],
                        v[4],
                        v[5],
                        FastTextLoss.ofCode(v[6]),
                        model,
                        v[8],
                        v[9],
                        maxn,
                        v[11],
                        t);
            } catch (IllegalArgumentException e) {
                throw bad("invalid args: " + e.getMessage());
            }
        }

        private FastTextDictionary dictionary() throws IOException {
            int count = in.readInt();
            int nwords = in.readInt();
            int nlabels = in.readInt();
            long ntokens = in.readLong();
            long pruneSize = in.readLong();
            if (count < 0 || nwords < 0 || nlabels < 0 || (long) nwords + nlabels != count) {
                throw bad("the dictionary announces " + count + " entries as " + nwords + " words and " + nlabels
                        + " labels");
            }
            if (count > (size - in.position()) / MIN_ENTRY_BYTES) {
                throw bad("the dictionary announces " + count + " entries, more than the " + (size - in.position())
                        + " bytes left can hold: truncated, or not a fastText model");
            }
            String[] words = new String[count];
            long[] counts = new long[count];
            byte[] types = new byte[count];
            for (int i = 0; i < count; i++) {
                try {
                    words[i] = new String(in.readCString(MAX_WORD_BYTES), StandardCharsets.UTF_8);
                } catch (EOFException e) {
                    throw e;
                } catch (IOException e) {
                    throw bad("entry " + i + ": " + e.getMessage());
                }
                counts[i] = in.readLong();
                types[i] = in.readByte();
            }
            Map<Integer, Integer> prune = null;
            if (pruneSize >= 0) {
                if (pruneSize > (size - in.position()) / 8) {
                    throw bad("the n-gram pruning index announces " + pruneSize + " pairs, more than the file holds");
                }
                prune = new HashMap<>();
                for (long p = 0; p < pruneSize; p++) {
                    prune.put(in.readInt(), in.readInt());
                }
            } else if (pruneSize != -1) {
                throw bad("the n-gram pruning index announces " + pruneSize + " pairs");
            }
            try {
                return new FastTextDictionary(words, counts, types, ntokens, prune);
            } catch (IllegalArgumentException e) {
                throw bad("dictionary " + e.getMessage());
            }
        }

        private FloatRows matrix(String name, int dim) throws IOException {
            boolean quantised = in.readByte() != 0;
            if (quantised) {
                throw bad("a quantised fastText model (.ftz, from 'fasttext quantize'): seqlab reads only"
                        + " unquantised .bin models");
            }
            long rows = in.readLong();
            long cols = in.readLong();
            if (cols != dim) {
                throw bad("the " + name + " matrix has " + cols + " columns, the args say dim " + dim);
            }
            if (rows < 0 || rows > Integer.MAX_VALUE) {
                throw bad("the " + name + " matrix announces " + rows + " rows");
            }
            long start = in.position();
            long bytes = rows * cols * 4; // rows < 2^31, cols = dim < 2^31: no overflow
            if (bytes > size - start) {
                throw bad("truncated: the " + name + " matrix (" + rows + " × " + cols + " floats) needs " + bytes
                        + " bytes from byte " + start + ", the file has " + (size - start));
            }
            MappedRegion region = MappedRegion.map(ch, start, bytes, 4L * dim);
            in.seek(start + bytes);
            return FloatRows.mapped(region, (int) rows, dim);
        }

        private MalformedFileException bad(String problem) {
            return new MalformedFileException(file, 0, problem);
        }
    }
}
