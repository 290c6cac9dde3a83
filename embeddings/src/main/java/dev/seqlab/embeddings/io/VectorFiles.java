package dev.seqlab.embeddings.io;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.fasttext.FastTextBinary;
import dev.seqlab.embeddings.fasttext.FastTextModel;
import dev.seqlab.embeddings.fasttext.FastTextVectors;
import dev.seqlab.embeddings.store.FloatRows;
import dev.seqlab.embeddings.store.StoredVectors;
import dev.seqlab.embeddings.store.StringSlots;
import dev.seqlab.embeddings.store.WordTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads any supported word-vector file (format detected from content) and writes any format. */
public final class VectorFiles {
    private VectorFiles() {}

    /**
     * Reads {@code file} in whatever supported format it is. Words are kept in file order; when a
     * word occurs twice (or twice after lower-casing), the first occurrence is kept and the later
     * ones dropped, as gensim does, with a warning to {@code progress}. NaN and infinite
     * components are refused unless {@link LoadOptions#allowNonFinite()}. From a fastText {@code
     * .bin} model, the words' vectors are fastText's word vectors (word and n-gram rows averaged).
     *
     * @throws java.nio.file.NoSuchFileException           if the file does not exist
     * @throws java.nio.file.FileSystemException           if it is a directory, a device or a pipe
     * @throws dev.seqlab.core.io.MalformedFileException if its content is not valid, naming the line
     */
    public static ParsedVectors read(Path file, LoadOptions options, ProgressListener progress) throws IOException {
        DetectedFormat format = FormatDetector.detect(file);
        ParsedVectors parsed;
        switch (format.format()) {
            case SEQLAB:
                NonFiniteValues nonFinite = new NonFiniteValues(file, options.allowNonFinite());
                parsed = SeqlabFormat.read(file, options.limit(), nonFinite);
                nonFinite.report(progress);
                break;
            case WORD2VEC_BINARY:
                parsed = Word2VecBinaryReader.read(file, format, options, progress);
                break;
            case FASTTEXT_BIN:
                parsed = wordVectors(file, FastTextBinary.read(file), options);
                break;
            default:
                parsed = TextVectorReader.read(file, format, options, progress);
                break;
        }
        return finish(file, parsed, options, progress);
    }

    /** Lower-cases the words if asked, then drops repeated words. */
    private static ParsedVectors finish(
            Path file, ParsedVectors parsed, LoadOptions options, ProgressListener progress) {
        if (options.lowercase()) {
            String[] words = parsed.words();
            for (int i = 0; i < parsed.rows(); i++) {
                words[i] = words[i].toLowerCase(Locale.ROOT);
            }
        }
        return dropDuplicates(file, parsed, progress);
    }

    /**
     * Opens {@code file} for queries: a seqlab file (version 2) is memory-mapped in constant work,
     * unless {@link LoadOptions#lowercase()} asks to change its words; a fastText {@code .bin} model
     * is mapped too, its words' vectors computed when first needed, and unknown words get their
     * n-gram vectors ({@link StoredVectors#subwords()}); an uncompressed word2vec binary file is
     * mapped and queried in place (its words indexed and its norms computed once, no float matrix
     * in the heap); a text file (plain or gzip) is parsed straight into one float matrix, its words
     * kept as UTF-8 bytes in small chunks with an open-addressing table (no String per word, no
     * large array but the matrix); every
     * other file is read into memory as by {@link #read}. A mapped file must
     * not be truncated or rewritten in place while the vectors are in use.
     *
     * @throws java.nio.file.NoSuchFileException           if the file does not exist
     * @throws dev.seqlab.core.io.MalformedFileException if its content is not valid
     */
    public static StoredVectors open(Path file, LoadOptions options, ProgressListener progress) throws IOException {
        DetectedFormat format = FormatDetector.detect(file);
        if (format.format() == VectorFormat.WORD2VEC_BINARY && !format.gzip() && !options.lowercase()) {
            return Word2VecBinaryMapping.open(file, format, options, progress);
        }
        if (format.format() == VectorFormat.FASTTEXT_BIN) {
            FastTextModel model = FastTextBinary.read(file);
            if (!options.lowercase()) {
                return fastTextVectors(file, model, options.limit());
            }
            ParsedVectors p = finish(file, wordVectors(file, model, options), options, progress);
            return new StoredVectors(
                    WordTable.of(p.words(), p.rows()),
                    FloatRows.of(p.matrix(), p.rows(), p.dim()),
                    null,
                    null,
                    FastTextVectors.subwords(model),
                    null,
                    null);
        }
        if (opensMapped(file, options)) {
            NonFiniteValues nonFinite = new NonFiniteValues(file, options.allowNonFinite());
            StoredVectors mapped = SeqlabMapping.open(file, options.limit(), nonFinite);
            nonFinite.report(progress);
            return mapped;
        }
        if ((format.format() == VectorFormat.GLOVE || format.format() == VectorFormat.WORD2VEC)
                && !options.lowercase()) {
            return TextVectorReader.open(file, format, options, progress);
        }
        ParsedVectors p = read(file, options, progress);
        return StoredVectors.inHeap(p.words(), p.matrix(), p.rows(), p.dim());
    }

    /** The model's first words (all for limit 0) as mapped vectors with subwords. */
    private static StoredVectors fastTextVectors(Path file, FastTextModel model, int limit)
            throws MalformedFileException {
        try {
            return FastTextVectors.stored(model, limit);
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(file, 0, e.getMessage());
        }
    }

    /** The word vectors of the model's first words, in the heap. */
    private static ParsedVectors wordVectors(Path file, FastTextModel model, LoadOptions options)
            throws MalformedFileException {
        StoredVectors stored = fastTextVectors(file, model, options.limit());
        int rows = stored.rows().rows();
        String[] words = stored.words().asList().toArray(new String[0]);
        return new ParsedVectors(words, stored.rows().asArray(), rows, model.dim());
    }

    /**
     * Whether {@link #open} maps {@code file} in place (a seqlab file of the current version, words
     * kept as written) rather than reading it into the heap; reads only the file's first bytes.
     *
     * @throws java.nio.file.NoSuchFileException           if the file does not exist
     * @throws dev.seqlab.core.io.MalformedFileException if its format cannot be recognised
     */
    public static boolean opensMapped(Path file, LoadOptions options) throws IOException {
        return !options.lowercase()
                && FormatDetector.detect(file).format() == VectorFormat.SEQLAB
                && SeqlabFormat.version(file) == SeqlabFormat.VERSION;
    }

    /** The format of {@code file}, detected from its content as {@link #read} does. */
    public static VectorFormat detect(Path file) throws IOException {
        return FormatDetector.detect(file).format();
    }

    /**
     * Writes the first {@code rows} words and vectors to {@code file} atomically in {@code format}.
     * {@link VectorFormat#FASTTEXT_BIN} writes a fastText model of these vectors without n-grams
     * ({@code FastTextVectors.wordsOnly}); a model with n-grams is written by {@code FastTextBinary.write}.
     */
    public static void write(Path file, VectorFormat format, String[] words, float[] matrix, int rows, int dim)
            throws IOException {
        if (format == VectorFormat.FASTTEXT_BIN) {
            if (file.getFileName().toString().endsWith(".gz")) {
                throw new IllegalArgumentException("a fastText .bin model cannot be gzip-compressed: " + file);
            }
            FastTextBinary.write(FastTextVectors.wordsOnly(words, matrix, rows, dim), file);
            return;
        }
        if (format == VectorFormat.SEQLAB) {
            if (file.getFileName().toString().endsWith(".gz")) {
                throw new IllegalArgumentException(
                        "the seqlab format is memory-mapped and cannot be gzip-compressed: " + file);
            }
            SeqlabFormat.write(file, words, matrix, rows, dim);
        } else {
            VectorWriter.write(file, format, words, matrix, rows, dim);
        }
    }

    /** Keeps the first occurrence of each word, moving later rows up over dropped ones. */
    private static ParsedVectors dropDuplicates(Path file, ParsedVectors p, ProgressListener progress) {
        String[] words = p.words();
        float[] m = p.matrix();
        int dim = p.dim();
        // indexes the kept words, words[0, kept): each new word is moved to words[kept] before it is added
        StringSlots seen = new StringSlots(words, p.rows());
        int kept = 0;
        int dropped = 0;
        for (int i = 0; i < p.rows(); i++) {
            if (seen.indexOf(words[i]) >= 0) {
                dropped++;
                if (dropped <= 3) {
                    progress.warning(file + ": duplicate word '" + words[i] + "' (row " + (i + 1)
                            + "); keeping its first occurrence");
                }
                continue;
            }
            if (kept != i) {
                words[kept] = words[i];
                System.arraycopy(m, i * dim, m, kept * dim, dim);
            }
            seen.putIfAbsent(kept);
            kept++;
        }
        if (dropped > 3) {
            progress.warning(file + ": " + dropped + " duplicate words dropped in all");
        }
        for (int i = kept; i < p.rows(); i++) {
            words[i] = null;
        }
        return new ParsedVectors(words, m, kept, dim);
    }
}
