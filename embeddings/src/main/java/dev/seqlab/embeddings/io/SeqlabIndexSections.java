package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.MalformedFileException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds an approximate-search index section to an existing seqlab vectors file (version 2), or
 * replaces the one it has. The file is never changed in place: a new file is written beside it (the
 * header, a section table with the index recorded in a spare entry, every other section copied
 * byte for byte, then the index appended) and renamed over it, so a failure or an interruption
 * leaves the user's file as it was, and processes that have the old file mapped keep reading it.
 */
public final class SeqlabIndexSections {
    /** Bytes copied per read while the file is copied. */
    private static final int COPY_BUFFER = 1 << 20;

    private SeqlabIndexSections() {}

    /** True when {@code file} is a seqlab vectors file of the current (memory-mapped) version. */
    public static boolean isCurrentSeqlab(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(SeqlabFormat.MAGIC.length + 4).order(ByteOrder.LITTLE_ENDIAN);
            while (head.hasRemaining() && ch.read(head) >= 0) {
                // read the magic and version, or what there is of them
            }
            return !head.hasRemaining()
                    && SeqlabFormat.hasMagic(head.array())
                    && head.getInt(SeqlabFormat.MAGIC.length) == SeqlabFormat.VERSION;
        }
    }

    /**
     * Rewrites {@code file} with {@code content}, exactly {@code length} bytes, as its HNSW index
     * section (replacing an earlier one). The section starts 64-byte aligned in the new file.
     *
     * @throws MalformedFileException if the file is not a seqlab file of the current version or its
     *                                section table has no spare entry
     * @throws IOException            if writing fails, or {@code content} writes another length; the
     *                                file is then unchanged
     */
    public static void writeHnsw(Path file, long length, AtomicFiles.Content content) throws IOException {
        writeApproximateIndex(file, length, content);
    }

    /**
     * Rewrites {@code file} with {@code content}, exactly {@code length} bytes, as its
     * approximate-search index section (type 100, whatever kind of index its magic number announces),
     * replacing an earlier one, as {@link #writeHnsw} does.
     *
     * @throws MalformedFileException if the file is not a seqlab file of the current version or its
     *                                section table has no spare entry
     * @throws IOException            if writing fails, or {@code content} writes another length; the
     *                                file is then unchanged
     */
    public static void writeApproximateIndex(Path file, long length, AtomicFiles.Content content) throws IOException {
        write(file, SeqlabSection.HNSW_INDEX, length, content);
    }

    private static void write(Path file, int type, long length, AtomicFiles.Content content) throws IOException {
        if (!isCurrentSeqlab(file)) {
            throw new MalformedFileException(
                    file,
                    0,
                    "an index can only be added to a seqlab vectors file of version " + SeqlabFormat.VERSION
                            + "; convert it first: seqlab embeddings convert --vectors " + file
                            + " --out NEW.seqlab --format seqlab");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer header = readFully(file, ch, 0, SeqlabFormat.HEADER_BYTES, size);
            int count = header.getInt(SeqlabFormat.MAGIC.length + 16);
            if (count < 0 || count > 256) {
                throw new MalformedFileException(file, 0, "corrupt seqlab header: " + count + " sections");
            }
            long tableEnd = SeqlabFormat.HEADER_BYTES + (long) SeqlabSection.ENTRY_BYTES * count;
            ByteBuffer table =
                    readFully(file, ch, SeqlabFormat.HEADER_BYTES, (long) SeqlabSection.ENTRY_BYTES * count, size);
            List<SeqlabSection> kept = new ArrayList<>();
            long end = tableEnd;
            for (int s = 0; s < count; s++) {
                int t = table.getInt(s * SeqlabSection.ENTRY_BYTES);
                long offset = table.getLong(s * SeqlabSection.ENTRY_BYTES + 8);
                long len = table.getLong(s * SeqlabSection.ENTRY_BYTES + 16);
                if (t == SeqlabSection.UNUSED || t == type) {
                    continue;
                }
                if (offset < 0 || len < 0 || offset > size || len > size - offset) {
                    throw new MalformedFileException(
                            file,
                            0,
                            "corrupt or truncated seqlab vectors file: section " + (s + 1) + " (type " + t
                                    + ") claims bytes [" + offset + ", " + offset + " + " + len + ") of a " + size
                                    + "-byte file");
                }
                kept.add(new SeqlabSection(t, offset, len));
                end = Math.max(end, offset + len);
            }
            if (kept.size() >= count) {
                throw new MalformedFileException(
                        file,
                        0,
                        "the section table of this seqlab file has no spare entry for an index; rewrite it first:"
                                + " seqlab embeddings convert --vectors " + file + " --out NEW.seqlab --format seqlab");
            }
            long at = SeqlabSection.align(end);
            kept.add(new SeqlabSection(type, at, length));
            ByteBuffer newTable = ByteBuffer.allocate((int) (tableEnd - SeqlabFormat.HEADER_BYTES))
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (SeqlabSection s : kept) {
                newTable.putInt(s.type())
                        .putInt(0)
                        .putLong(s.offset())
                        .putLong(s.length())
                        .putLong(0);
            }
            long copyEnd = end;
            AtomicFiles.write(file, out -> {
                out.write(header.array(), 0, SeqlabFormat.HEADER_BYTES);
                out.write(newTable.array());
                copy(ch, tableEnd, copyEnd, out);
                for (long p = copyEnd; p < at; p++) {
                    out.write(0);
                }
                Counting counting = new Counting(out);
                content.writeTo(counting);
                if (counting.written != length) {
                    throw new IOException(
                            "the index section wrote " + counting.written + " bytes, " + length + " were announced");
                }
            });
        }
    }

    private static void copy(FileChannel ch, long from, long to, OutputStream out) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(COPY_BUFFER);
        long at = from;
        while (at < to) {
            buf.clear();
            buf.limit((int) Math.min(COPY_BUFFER, to - at));
            int n = ch.read(buf, at);
            if (n < 0) {
                throw new IOException("the file shrank while it was copied");
            }
            out.write(buf.array(), 0, n);
            at += n;
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while copying the vectors file");
            }
        }
    }

    private static ByteBuffer readFully(Path file, FileChannel ch, long at, long length, long size) throws IOException {
        if (at + length > size) {
            throw new MalformedFileException(
                    file, 0, "seqlab vectors file truncated: " + size + " bytes, shorter than its header");
        }
        ByteBuffer b = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new MalformedFileException(file, 0, "seqlab vectors file truncated while reading its header");
            }
        }
        return b;
    }

    /** Counts what the index writer writes. */
    private static final class Counting extends OutputStream {
        private final OutputStream out;
        long written;

        Counting(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            written++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written += len;
        }
    }
}
