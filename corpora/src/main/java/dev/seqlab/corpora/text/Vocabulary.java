package dev.seqlab.corpora.text;

import dev.seqlab.core.progress.ProgressListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The words of a corpus with their counts, numbered by frequency: id 0 is the most frequent word.
 * Words with equal counts are ordered by {@link String#compareTo}, so the numbering depends only
 * on the counts, not on the order the corpus is read in.
 *
 * <pre>{@code
 * Vocabulary vocab = Vocabulary.build(corpus, VocabularyOptions.defaults());
 * int id = vocab.id("paris");          // -1 when not in the vocabulary
 * }</pre>
 *
 * <p>Immutable and thread-safe. Lookups use an open-addressing table of ids, so encoding a
 * sentence allocates nothing beyond the result.
 */
public final class Vocabulary {
    private static final int PROGRESS_STEP = 100_000;
    private final String[] words;
    private final long[] counts;
    private final long retainedTokens;
    private final long corpusTokens;
    private final int[] table;
    private final int mask;

    private Vocabulary(String[] words, long[] counts, long corpusTokens) {
        this.words = words;
        this.counts = counts;
        this.corpusTokens = corpusTokens;
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        this.retainedTokens = sum;
        int capacity = Integer.highestOneBit(Math.max(4, words.length * 2 - 1)) << 1;
        this.table = new int[capacity];
        this.mask = capacity - 1;
        Arrays.fill(table, -1);
        for (int i = 0; i < words.length; i++) {
            int slot = words[i].hashCode() & mask;
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i;
        }
    }

    /**
     * Counts the tokens of one pass over {@code corpus} and keeps the words the options allow.
     *
     * @throws IOException if the corpus cannot be read
     */
    public static Vocabulary build(Corpus corpus, VocabularyOptions options) throws IOException {
        return build(corpus, options, ProgressListener.NONE);
    }

    /**
     * As {@link #build(Corpus, VocabularyOptions)}, reporting the tokens counted to
     * {@code progress} (one phase, "Counting words", total unknown).
     */
    public static Vocabulary build(Corpus corpus, VocabularyOptions options, ProgressListener progress)
            throws IOException {
        Map<String, long[]> counts = new HashMap<>(1 << 16);
        long[] total = new long[2];
        progress.start("Counting words", -1, "words");
        corpus.forEachSentence(sentence -> {
            total[1] += sentence.size();
            if (total[1] >= PROGRESS_STEP) {
                progress.advance(total[1]);
                total[1] = 0;
            }
            for (String w : sentence) {
                long[] c = counts.get(w);
                if (c == null) {
                    counts.put(w, new long[] {1});
                } else {
                    c[0]++;
                }
            }
            total[0] += sentence.size();
        });
        progress.advance(total[1]);
        progress.finish();
        Map<String, Long> plain = new HashMap<>(counts.size() * 2);
        counts.forEach((w, c) -> plain.put(w, c[0]));
        return fromCounts(plain, total[0], options);
    }

    /**
     * A vocabulary from word counts already made.
     *
     * @param counts       count of each word (positive)
     * @param corpusTokens how many tokens the corpus has in all, including dropped words
     * @throws IllegalArgumentException if a count is not positive or the counts add up to more
     *     than {@code corpusTokens}
     */
    public static Vocabulary fromCounts(Map<String, Long> counts, long corpusTokens, VocabularyOptions options) {
        Objects.requireNonNull(options, "options");
        List<Map.Entry<String, Long>> kept = new ArrayList<>();
        long sum = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            long c = e.getValue();
            if (c <= 0) {
                throw new IllegalArgumentException("count of '" + e.getKey() + "' must be positive, got " + c);
            }
            sum += c;
            if (c >= options.minCount()) {
                kept.add(e);
            }
        }
        if (sum > corpusTokens) {
            throw new IllegalArgumentException(
                    "the counts add up to " + sum + ", more than the corpus's " + corpusTokens + " tokens");
        }
        kept.sort(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue())
                .reversed()
                .thenComparing(Map.Entry::getKey));
        int n = options.maxSize() > 0 ? Math.min(options.maxSize(), kept.size()) : kept.size();
        String[] words = new String[n];
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
            words[i] = kept.get(i).getKey();
            c[i] = kept.get(i).getValue();
        }
        return new Vocabulary(words, c, corpusTokens);
    }

    /** The number of words. */
    public int size() {
        return words.length;
    }

    /** The word with this id. */
    public String word(int id) {
        return words[id];
    }

    /** How often the word with this id occurs in the corpus. */
    public long count(int id) {
        return counts[id];
    }

    /** The id of {@code word}, or -1 when it is not in the vocabulary. */
    public int id(String word) {
        int slot = word.hashCode() & mask;
        for (int id; (id = table[slot]) >= 0; slot = (slot + 1) & mask) {
            if (words[id].equals(word)) {
                return id;
            }
        }
        return -1;
    }

    /** Whether {@code word} is in the vocabulary. */
    public boolean contains(String word) {
        return id(word) >= 0;
    }

    /** The words in id order (most frequent first). */
    public List<String> words() {
        return List.of(words);
    }

    /** The sum of the counts of the words kept. */
    public long retainedTokens() {
        return retainedTokens;
    }

    /** The number of tokens in the corpus, including those of words not kept. */
    public long corpusTokens() {
        return corpusTokens;
    }

    /**
     * The ids of the in-vocabulary words of {@code sentence}, written to {@code ids} from
     * {@code offset}; words not in the vocabulary are skipped.
     *
     * @return how many ids were written
     * @throws ArrayIndexOutOfBoundsException if {@code ids} is too short
     */
    public int encode(List<String> sentence, int[] ids, int offset) {
        int n = offset;
        for (String w : sentence) {
            int id = id(w);
            if (id >= 0) {
                ids[n++] = id;
            }
        }
        return n - offset;
    }
}
