package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.kernel.Int8BlockDots;
import dev.seqlab.embeddings.store.BlockCodes;
import dev.seqlab.embeddings.store.FloatRows;
import dev.seqlab.embeddings.store.Floats;
import dev.seqlab.embeddings.store.Int8Rows;
import dev.seqlab.embeddings.store.MappedRegion;
import dev.seqlab.embeddings.store.StoredVectors;
import dev.seqlab.embeddings.store.WordTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens a seqlab vectors file of version 2 in constant work: reads the header and the section
 * table, checks that every section lies inside the file and has the length the header's sizes
 * imply (before anything is mapped or allocated), and maps the sections. Nothing proportional to
 * the vocabulary is read or allocated.
 */
final class SeqlabMapping {
    /** The most sections a file may list. */
    private static final int MAX_SECTIONS = 256;

    private SeqlabMapping() {}

    /**
     * Maps the first {@code limit} words (0 = all) of {@code file}. Besides the header checks, two
     * small sections are read through once, without allocating: the word offsets (increasing, inside
     * the word bytes) and the norms, a non-finite norm sending its row to {@code nonFinite}.
     */
    static StoredVectors open(Path file, int limit, NonFiniteValues nonFinite) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer h = read(file, ch, 0, SeqlabFormat.HEADER_BYTES, size);
            h.position(SeqlabFormat.MAGIC.length + 4);
            int dim = h.getInt();
            long rows = h.getLong();
            int count = h.getInt();
            if (dim <= 0
                    || dim > SeqlabFormat.MAX_DIM
                    || rows < 0
                    || rows >= Integer.MAX_VALUE
                    || count < 0
                    || count > MAX_SECTIONS) {
                throw new MalformedFileException(
                        file,
                        0,
                        "corrupt seqlab header: " + rows + " words × " + dim + " dimensions in " + count + " sections");
            }
            ByteBuffer table =
                    read(file, ch, SeqlabFormat.HEADER_BYTES, (long) SeqlabSection.ENTRY_BYTES * count, size);
            SeqlabSection[] byType = new SeqlabSection[SeqlabSection.LAST_OWN_TYPE + 1];
            SeqlabSection index = null;
            for (int s = 0; s < count; s++) {
                int type = table.getInt(s * SeqlabSection.ENTRY_BYTES);
                long offset = table.getLong(s * SeqlabSection.ENTRY_BYTES + 8);
                long length = table.getLong(s * SeqlabSection.ENTRY_BYTES + 16);
                if (offset < 0
                        || length < 0
                        || offset > size
                        || length > size - offset
                        || offset % SeqlabSection.ALIGN != 0) {
                    throw new MalformedFileException(
                            file,
                            0,
                            "corrupt or truncated seqlab vectors file: section "
                                    + (s + 1) + " (type " + type + ") claims bytes [" + offset + ", " + offset + " + "
                                    + length
                                    + ") of a " + size + "-byte file");
                }
                if (type >= 1 && type <= SeqlabSection.LAST_OWN_TYPE) {
                    if (byType[type] != null) {
                        throw new MalformedFileException(
                                file, 0, "corrupt seqlab vectors file: section type " + type + " occurs twice");
                    }
                    byType[type] = new SeqlabSection(type, offset, length);
                } else if (type == SeqlabSection.HNSW_INDEX) {
                    if (index != null) {
                        throw new MalformedFileException(
                                file, 0, "corrupt seqlab vectors file: section type " + type + " occurs twice");
                    }
                    index = new SeqlabSection(type, offset, length);
                }
            }
            int n = (int) rows;
            long blocks = (rows + Int8BlockDots.BLOCK - 1) / Int8BlockDots.BLOCK;
            SeqlabSection announced = byType[SeqlabSection.MATRIX];
            if (announced != null && announced.length() != 4L * rows * dim) {
                throw new MalformedFileException(
                        file,
                        0,
                        "corrupt or truncated seqlab vectors file: section type " + SeqlabSection.MATRIX + " has "
                                + announced.length() + " bytes, the header's sizes need " + 4L * rows * dim
                                + " (it announces " + rows + " words × " + dim + " dimensions)");
            }
            SeqlabSection matrix = require(file, byType, SeqlabSection.MATRIX, 4L * rows * dim);
            SeqlabSection norms = require(file, byType, SeqlabSection.NORMS, 4L * rows);
            SeqlabSection offsets = require(file, byType, SeqlabSection.WORD_OFFSETS, 8L * (rows + 1));
            SeqlabSection words = require(file, byType, SeqlabSection.WORD_BYTES, -1);
            SeqlabSection hash = require(file, byType, SeqlabSection.WORD_HASH, -1);
            long slots = hash.length() / 4;
            if (hash.length() % 4 != 0 || slots <= rows || Long.bitCount(slots) != 1 || slots > 1 << 30) {
                throw new MalformedFileException(
                        file,
                        0,
                        "corrupt seqlab vectors file: a word hash table of " + hash.length() + " bytes for " + rows
                                + " words");
            }
            int visible = limit > 0 ? Math.min(n, limit) : n;
            Int8Rows int8 = null;
            if (byType[SeqlabSection.INT8_CODES] != null) {
                SeqlabSection codes =
                        require(file, byType, SeqlabSection.INT8_CODES, blocks * dim * Int8BlockDots.BLOCK);
                SeqlabSection scales = require(file, byType, SeqlabSection.INT8_SCALES, 4L * rows);
                SeqlabSection errors = require(file, byType, SeqlabSection.INT8_ERRORS, 4L * rows);
                int8 = new Int8Rows(
                        BlockCodes.mapped(map(ch, codes, (long) Int8BlockDots.BLOCK * dim), dim),
                        Floats.mapped(map(ch, scales, 4), n),
                        Floats.mapped(map(ch, errors, 4), n));
            }
            MappedRegion offsetRegion = map(ch, offsets, 8);
            checkWordOffsets(file, offsetRegion, n, words.length());
            WordTable wordTable = WordTable.mapped(file, offsetRegion, map(ch, words, 1), map(ch, hash, 4), visible);
            MappedRegion matrixRegion = map(ch, matrix, 4L * dim);
            MappedRegion normRegion = map(ch, norms, 4);
            checkFinite(normRegion, matrixRegion, wordTable, visible, dim, nonFinite);
            // the index covers every row: offered only when all of them are visible
            MappedRegion indexRegion =
                    index != null && visible == n && index.length() > 0 ? map(ch, index, SeqlabSection.ALIGN) : null;
            return new StoredVectors(
                    wordTable,
                    FloatRows.mapped(matrixRegion, visible, dim),
                    Floats.mapped(normRegion, n),
                    int8,
                    null,
                    matrixRegion,
                    indexRegion);
        }
    }

    /** Values read from a mapping at a time by the checks of {@link #open}. */
    private static final int CHUNK = 1 << 13;

    /**
     * The word offsets start at 0, never decrease and end at the word bytes' length. Read a chunk
     * at a time into the heap: a loop over an array is compiled within its first chunk, where one
     * over mapped reads ran interpreted for a good part of 3M rows.
     */
    private static void checkWordOffsets(Path file, MappedRegion offsets, int rows, long wordBytes)
            throws MalformedFileException {
        long previous = offsets.getLong(0);
        if (previous != 0) {
            throw new MalformedFileException(
                    file, 0, "corrupt seqlab vectors file: the first word starts at byte " + previous + ", not 0");
        }
        long[] chunk = new long[CHUNK];
        for (int from = 1; from <= rows; from += CHUNK) {
            int n = Math.min(CHUNK, rows + 1 - from);
            offsets.getLongs(8L * from, chunk, 0, n);
            for (int j = 0; j < n; j++) {
                long next = chunk[j];
                if (next < previous || next > wordBytes) {
                    throw new MalformedFileException(
                            file,
                            0,
                            "corrupt seqlab vectors file: word " + (from + j) + " is at bytes [" + previous + ", "
                                    + next + ") of a " + wordBytes + "-byte vocabulary");
                }
                previous = next;
            }
        }
    }

    /**
     * Rows whose norm is not finite are looked at component by component: a NaN or infinite one is
     * refused or, when allowed, counted (a finite row whose norm overflows float is not). The norms
     * are read a chunk at a time, as the offsets are.
     */
    private static void checkFinite(
            MappedRegion norms, MappedRegion matrix, WordTable words, int rows, int dim, NonFiniteValues nonFinite)
            throws MalformedFileException {
        float[] chunk = new float[CHUNK];
        for (int from = 0; from < rows; from += CHUNK) {
            int n = Math.min(CHUNK, rows - from);
            norms.getFloats(4L * from, chunk, 0, n);
            for (int j = 0; j < n; j++) {
                if (!Float.isFinite(chunk[j])) {
                    checkRow(matrix, words, from + j, dim, nonFinite);
                }
            }
        }
    }

    private static void checkRow(MappedRegion matrix, WordTable words, int i, int dim, NonFiniteValues nonFinite)
            throws MalformedFileException {
        for (int k = 0; k < dim; k++) {
            float v = matrix.getFloat(4L * ((long) i * dim + k));
            if (!Float.isFinite(v)) {
                nonFinite.found(0, "word " + (i + 1) + " ('" + words.word(i) + "'): component " + (k + 1) + " is " + v);
                break;
            }
        }
    }

    /** The section of {@code type}, checked to be {@code length} bytes long (any length when negative). */
    private static SeqlabSection require(Path file, SeqlabSection[] byType, int type, long length)
            throws MalformedFileException {
        SeqlabSection s = byType[type];
        if (s == null) {
            throw new MalformedFileException(
                    file, 0, "corrupt seqlab vectors file: section type " + type + " is missing");
        }
        if (length >= 0 && s.length() != length) {
            throw new MalformedFileException(
                    file,
                    0,
                    "corrupt or truncated seqlab vectors file: section type " + type + " has " + s.length()
                            + " bytes, the header's sizes need " + length);
        }
        return s;
    }

    private static MappedRegion map(FileChannel ch, SeqlabSection s, long granule) throws IOException {
        return MappedRegion.map(ch, s.offset(), s.length(), granule);
    }

    private static ByteBuffer read(Path file, FileChannel ch, long at, long length, long size) throws IOException {
        if (at + length > size) {
            throw new MalformedFileException(
                    file,
                    0,
                    "seqlab vectors file truncated: " + size + " bytes, shorter than its header and section table ("
                            + (at + length) + " bytes)");
        }
        ByteBuffer b = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new MalformedFileException(file, 0, "seqlab vectors file truncated while reading its header");
            }
        }
        return b.flip();
    }
}
