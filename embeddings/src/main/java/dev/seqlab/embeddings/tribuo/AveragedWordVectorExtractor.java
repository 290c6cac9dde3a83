package dev.seqlab.embeddings.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import dev.seqlab.embeddings.WordVectors;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.data.text.TextFeatureExtractor;
import org.tribuo.impl.ArrayExample;
import org.tribuo.util.tokens.Tokenizer;
import org.tribuo.util.tokens.impl.BreakIteratorTokenizer;

/**
 * A Tribuo {@link TextFeatureExtractor} that represents a text by the average of the vectors of
 * its words that are in the vocabulary (the course's "Emojify v1" sentence representation).
 * Every example gets all {@code d} features, named {@code wv-000} … in dimension order; a text
 * with no known word gets zeros. Tokens are lower-cased before lookup unless told otherwise
 * (GloVe's vocabularies are lower case); the average is accumulated in double.
 *
 * <pre>{@code
 * var extractor = new AveragedWordVectorExtractor<Label>(wv, "glove.6B.50d");
 * Example<Label> ex = extractor.extract(new Label("happy"), "what a wonderful day");
 * }</pre>
 *
 * <p>Thread-safe: the tokenizer is cloned per thread.
 */
public final class AveragedWordVectorExtractor<T extends Output<T>> implements TextFeatureExtractor<T> {

    @Config(description = "Splits text into words.")
    private Tokenizer tokenizer;

    @Config(description = "Lower-case tokens before looking them up.")
    private boolean lowercase = true;

    @Config(description = "Where the word vectors came from (recorded in provenance only).")
    private String vectorsName = "";

    @Config(description = "The vectors' dimension (recorded in provenance).")
    private int dimension;

    private final WordVectors vectors;
    private final String[] featureNames;
    private final ThreadLocal<Tokenizer> tokenizers;

    /**
     * An extractor over {@code vectors} with Tribuo's break-iterator tokenizer (English rules),
     * lower-casing tokens.
     *
     * @param vectorsName where the vectors came from, for provenance (e.g. a file name)
     */
    public AveragedWordVectorExtractor(WordVectors vectors, String vectorsName) {
        this(vectors, vectorsName, new BreakIteratorTokenizer(Locale.ENGLISH), true);
    }

    /**
     * An extractor with the given tokenizer and casing rule.
     *
     * @param lowercase whether tokens are lower-cased before lookup
     */
    public AveragedWordVectorExtractor(
            WordVectors vectors, String vectorsName, Tokenizer tokenizer, boolean lowercase) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.vectorsName = Objects.requireNonNull(vectorsName, "vectorsName");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.lowercase = lowercase;
        this.dimension = vectors.dimension();
        this.featureNames = featureNames(dimension);
        this.tokenizers = Tokenizer.createThreadLocal(tokenizer);
    }

    /** The feature names, {@code wv-000} … {@code wv-(d-1)}, zero-padded so they sort in dimension order. */
    public static String[] featureNames(int dimension) {
        int width = Math.max(3, String.valueOf(dimension - 1).length());
        String[] names = new String[dimension];
        for (int j = 0; j < dimension; j++) {
            names[j] = "wv-" + "0".repeat(width - String.valueOf(j).length()) + j;
        }
        return names;
    }

    /** The tokens of {@code text} as looked up (after lower-casing when configured). */
    public List<String> tokens(String text) {
        List<String> raw = tokenizers.get().split(text);
        return lowercase ? raw.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList() : raw;
    }

    /** The average vector of the known words of {@code text} (zeros when none is known). */
    public double[] average(String text) {
        double[] sum = new double[dimension];
        int known = 0;
        for (String token : tokens(text)) {
            int row = vectors.indexOf(token);
            if (row >= 0) {
                float[] v = vectors.vector(row);
                for (int j = 0; j < dimension; j++) {
                    sum[j] += v[j];
                }
                known++;
            }
        }
        if (known > 0) {
            for (int j = 0; j < dimension; j++) {
                sum[j] /= known;
            }
        }
        return sum;
    }

    @Override
    public Example<T> extract(T label, String data) {
        return new ArrayExample<>(label, featureNames.clone(), average(data));
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "TextFeatureExtractor");
    }

    @Override
    public String toString() {
        return "AveragedWordVectorExtractor(vectors=" + vectorsName + ", dimension=" + dimension + ", lowercase="
                + lowercase + ", tokenizer=" + tokenizer + ")";
    }
}
