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
 *   <li>{@link #english()}: OpenNLP's learned English {@code TokenizerME} model
 *       ({@code en-token.bin}, from the Maven Central artifact
 *       {@code edu.washington.cs.knowitall:opennlp-tokenize-models:1.5}, a dependency of this
 *       module): splits clitics and keeps abbreviations, so {@code "Mr. Smith doesn't"} gives
 *       {@code Mr. Smith does n't}.</li>
 *   <li>{@link #model(Path)}: any other learned {@code TokenizerME} model file.</li>
 * </ul>
 *
 * <p>The simple and whitespace tokenizers are stateless and thread-safe; a model tokenizer is
 * not, so each {@link Corpus#open() pass} of a corpus gets its own.
 */
public final class Tokenizers {
    private Tokenizers() {}

    /** A factory of tokenizers, called once per pass over a corpus. */
    @FunctionalInterface
    public interface Factory {
        /** A tokenizer for one pass (one thread). */
        Tokenizer create();
    }

    /**
     * The tokenizer called {@code name}: {@code simple}, {@code whitespace}, {@code english}, or
     * else the path of a learned OpenNLP model file.
     *
     * @throws IOException if the English model or the model file cannot be read
     */
    public static Factory named(String name) throws IOException {
        return switch (name) {
            case "simple" -> simple();
            case "whitespace" -> whitespace();
            case "english" -> english();
            default -> model(Path.of(name));
        };
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

    /** Where {@link #english()} finds its model on the class path. */
    static final String ENGLISH_MODEL_RESOURCE = "/en-token.bin";

    private static TokenizerModel english;

    /**
     * OpenNLP's learned English tokenizer ({@code en-token.bin} from the
     * {@code opennlp-tokenize-models} artifact), read from the class path once per JVM.
     *
     * @throws IOException if the model is not on the class path or cannot be read
     */
    public static synchronized Factory english() throws IOException {
        if (english == null) {
            try (InputStream in = Tokenizers.class.getResourceAsStream(ENGLISH_MODEL_RESOURCE)) {
                if (in == null) {
                    throw new IOException(
                            "the English tokenizer model " + ENGLISH_MODEL_RESOURCE.substring(1)
                                    + " is not on the class path (Maven artifact edu.washington.cs.knowitall:opennlp-tokenize-models:1.5)");
                }
                english = new TokenizerModel(in);
            }
        }
        TokenizerModel model = english;
        return () -> new TokenizerME(model);
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
