package dev.seqlab.embeddings.io;

/**
 * One entry of the section table of a seqlab vectors file (version 2): what a byte range of the
 * file holds. Types below 100 are seqlab's own (the layout is in the package documentation); types
 * from 100 on are reserved for approximate-search indexes; type 0 marks an unused entry. Readers skip
 * types they do not know, so sections can be added without a new version: appended at the end of the
 * file and recorded in a spare entry, or in a rewritten file.
 *
 * @param type   what the section holds, one of the constants here
 * @param offset where it starts in the file (a multiple of {@value #ALIGN})
 * @param length its length in bytes
 */
record SeqlabSection(int type, long offset, long length) {
    /** Sections start at multiples of this many bytes. */
    static final int ALIGN = 64;
    /** Bytes per section-table entry: int32 type, int32 zero, int64 offset, int64 length, int64 zero. */
    static final int ENTRY_BYTES = 32;

    /** An unused table entry (all zero), kept free so a section can be added without moving the data. */
    static final int UNUSED = 0;
    /** Unused entries seqlab leaves at the end of the table it writes. */
    static final int SPARE_ENTRIES = 4;
    /** N×D float32, row-major: the vectors as given (not normalised). */
    static final int MATRIX = 1;
    /** N float32: each row's Euclidean norm, summed in double and rounded to float. */
    static final int NORMS = 2;
    /** ⌈N/16⌉·D·16 int8: the unit rows quantised, in blocks of 16 rows, dimension-major. */
    static final int INT8_CODES = 3;
    /** N float32: each row's quantisation scale. */
    static final int INT8_SCALES = 4;
    /** N float32: each row's quantisation error bound (NaN for a zero row). */
    static final int INT8_ERRORS = 5;
    /** (N+1) int64: where each word starts in {@link #WORD_BYTES}, then where the last ends. */
    static final int WORD_OFFSETS = 6;
    /** A power of two of int32 slots, each a row or -1: the open-addressing word hash table. */
    static final int WORD_HASH = 7;
    /** The words' UTF-8 bytes, in row order, back to back. */
    static final int WORD_BYTES = 8;
    /** The first type reserved for approximate-search indexes. */
    static final int FIRST_INDEX_TYPE = 100;
    /**
     * The HNSW graph of {@code dev.seqlab.embeddings.ann} (its layout is documented there), built
     * over this file's rows by {@code seqlab embeddings index}.
     */
    static final int HNSW_INDEX = 100;
    /** The highest type seqlab itself defines. */
    static final int LAST_OWN_TYPE = WORD_BYTES;

    /** {@code n} rounded up to a multiple of {@link #ALIGN}. */
    static long align(long n) {
        return (n + ALIGN - 1) / ALIGN * ALIGN;
    }
}
