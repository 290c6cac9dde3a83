package dev.seqlab.corpora.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.tokenize.WhitespaceTokenizer;

/**
 * The tokenizers a {@link TextCorpus} can use, all from Apache OpenNLP.
 *
 * <ul>
 *   <li>{@link #simple()}: OpenNLP's {@code SimpleTokenizer}, the default: splits at whitespace
 *       and wherever the character class changes (letters, digits, punctuation), so
 *       {@code "Paris, France."} gives {@code Paris , France .}</li>
 *   <li>{@link #whitespace()}: splits at whitespace only, as gensim and the word2vec C tool do;
 *       the right choice for corpora that are already tokenised.</li>
 *   <li>{@link #model(Path)}: a learned {@code TokenizerME}, e.g. the English model
 *       {@code opennlp-en-ud-ewt-tokens-1.x.bin} from the {@code opennlp-models-tokenizer-en}
 *       artifact on Maven Central (unpack the jar and pass the {@code .bin} file).</li>
 * </ul>
 *
 * <p>The simple and whitespace tokenizers are stateless and thread-safe; a model tokenizer is
 * not, so each {@link Corpus#open() pass} of a corpus gets its own.
 */
public final class Tokenizers {
    private Tokenizers() {
    }

    /** A factory of tokenizers, called once per pass over a corpus. */
    @FunctionalInterface
    public interface Factory {
        /** A tokenizer for one pass (one thread). */
        Tokenizer create();
    }

    /** OpenNLP's {@code SimpleTokenizer} (character classes). */
    public static Factory simple() {
        return () -> SimpleTokenizer.INSTANCE;
    }

    private static final Factory WHITESPACE = () -> WhitespaceTokenizer.INSTANCE;

    /**
     * OpenNLP's {@code WhitespaceTokenizer} (always the same factory: corpora read with it are
     * counted straight from their bytes, see {@link EncodedCorpus}).
     */
    public static Factory whitespace() {
        return WHITESPACE;
    }

    /**
     * A learned OpenNLP tokenizer read from a model file ({@code .bin}).
     *
     * @throws IOException if the file cannot be read or is not an OpenNLP tokenizer model
     */
    public static Factory model(Path modelFile) throws IOException {
        TokenizerModel model;
        try (InputStream in = Files.newInputStream(modelFile)) {
            model = new TokenizerModel(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException(modelFile + ": not an OpenNLP tokenizer model (" + e.getMessage() + ")", e);
        }
        return () -> new TokenizerME(model);
    }
}
