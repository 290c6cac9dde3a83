package dev.seqlab.spark.text;

import dev.seqlab.corpora.text.Vocabulary;
import dev.seqlab.corpora.text.VocabularyOptions;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A vocabulary as it travels between driver and executors: the words by id (most frequent
 * first, ties by {@link String#compareTo}, as seqlab's {@link Vocabulary} numbers them), their
 * counts and the corpus's token count. Each JVM rebuilds the lookup table once.
 */
public final class VocabularyData implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] words;
    private final long[] counts;
    private final long corpusTokens;
    private transient Vocabulary vocabulary;

    /** The data of {@code vocabulary}. */
    public VocabularyData(Vocabulary vocabulary) {
        int n = vocabulary.size();
        this.words = vocabulary.words().toArray(new String[0]);
        this.counts = new long[n];
        for (int i = 0; i < n; i++) {
            counts[i] = vocabulary.count(i);
        }
        this.corpusTokens = vocabulary.corpusTokens();
        this.vocabulary = vocabulary;
    }

    /** The vocabulary (rebuilt once per JVM after deserialisation). */
    public synchronized Vocabulary vocabulary() {
        if (vocabulary == null) {
            Map<String, Long> map = new HashMap<>(words.length * 2);
            for (int i = 0; i < words.length; i++) {
                map.put(words[i], counts[i]);
            }
            vocabulary = Vocabulary.fromCounts(map, corpusTokens, VocabularyOptions.minCount(1));
        }
        return vocabulary;
    }

    /** The number of words. */
    public int size() {
        return words.length;
    }

    /** The words by id. */
    public List<String> words() {
        return List.of(words);
    }

    /** The count of each word, by id (a copy). */
    public long[] counts() {
        return counts.clone();
    }

    /** The tokens of the corpus, words out of the vocabulary included. */
    public long corpusTokens() {
        return corpusTokens;
    }

    /** The tokens of vocabulary words. */
    public long retainedTokens() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }
}
