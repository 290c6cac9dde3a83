package dev.seqlab.embeddings.io;

import java.util.Locale;

/**
 * The word-vector file formats seqlab reads and writes. Reading detects the format from the
 * content; gzip compression of the text and word2vec-binary formats is detected too, and chosen
 * on writing by a file name ending in {@code .gz}.
 */
public enum VectorFormat {
    /** GloVe text: one line per word, {@code word v1 v2 ... vD}, no header line. */
    GLOVE("glove"),
    /**
     * word2vec text: a header line {@code N D}, then one line per word as in GloVe. fastText's
     * {@code .vec} files are this format.
     */
    WORD2VEC("word2vec"),
    /**
     * word2vec binary, as written by the original C tool (and GoogleNews-vectors-negative300.bin):
     * a header line {@code N D}, then per word its UTF-8 bytes, a space, and D little-endian
     * float32 values (optionally followed by a newline).
     */
    WORD2VEC_BINARY("word2vec-bin"),
    /**
     * seqlab's own binary format: a fixed header, a section table and sections (the float32
     * matrix, its norms, the int8 first-pass copy, the word hash table and the words), opened in
     * constant time by memory-mapping and queried in place; see {@code dev.seqlab.embeddings.io}.
     */
    SEQLAB("seqlab"),
    /**
     * fastText's {@code .bin} model (word and character n-gram vectors): loaded vectors answer for
     * unknown words with their n-gram vectors. Word vectors are written as a model without n-grams.
     * See {@code dev.seqlab.embeddings.fasttext}.
     */
    FASTTEXT_BIN("fasttext-bin");

    private final String cliName;

    VectorFormat(String cliName) {
        this.cliName = cliName;
    }

    /**
     * The name used on the command line ({@code glove}, {@code word2vec}, {@code word2vec-bin},
     * {@code seqlab}, {@code fasttext-bin}).
     */
    public String cliName() {
        return cliName;
    }

    /** True for the formats that may be gzip-compressed. */
    public boolean allowsGzip() {
        return this != SEQLAB && this != FASTTEXT_BIN;
    }

    /**
     * The format with the given command-line name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted names when there is none
     */
    public static VectorFormat fromCliName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (VectorFormat f : values()) {
            if (f.cliName.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "unknown vector format '" + name + "': expected glove, word2vec, word2vec-bin, seqlab or fasttext-bin");
    }
}
