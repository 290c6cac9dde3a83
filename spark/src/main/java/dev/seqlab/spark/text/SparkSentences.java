package dev.seqlab.spark.text;

import dev.seqlab.core.random.SeededRandom;
import dev.seqlab.corpora.text.Tokenizers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import opennlp.tools.tokenize.Tokenizer;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Lines of text to sentences of tokens, on the executors, with the tokenizer seqlab's
 * single-machine trainers use: one line is one sentence, cut at {@link TextOptions#maxSentenceLength()}.
 */
public final class SparkSentences {
    private static final long SPREAD_SEED = 0x5EED_1A5L;

    private SparkSentences() {}

    /** The sentences of {@code lines}, tokenised lazily in each partition. */
    public static JavaRDD<String[]> tokenize(JavaRDD<String> lines, TextOptions options) {
        return lines.mapPartitions(it -> new SentenceIterator(it, options));
    }

    /**
     * {@code lines} in {@code partitions} partitions of about equal size, each line sent to a
     * partition drawn at random (seeded by its input partition, so a rerun places it alike).
     * Unlike {@link JavaRDD#repartition}, which deals lines out in turn, this does not put every
     * other line into the same partition when a corpus alternates short and long lines.
     */
    public static JavaRDD<String> spread(JavaRDD<String> lines, int partitions) {
        return lines.mapPartitionsWithIndex(
                        (p, it) -> {
                            SeededRandom random = new SeededRandom(SPREAD_SEED).stream(p);
                            List<Tuple2<Integer, String>> out = new ArrayList<>();
                            it.forEachRemaining(line -> out.add(new Tuple2<>(random.nextInt(partitions), line)));
                            return out.iterator();
                        },
                        false)
                .mapToPair(t -> t)
                .partitionBy(new HashPartitioner(partitions))
                .values();
    }

    /** The tokens of one line, lower-cased if asked. */
    static String[] tokens(Tokenizer tokenizer, String line, TextOptions options) {
        String text = options.lowercase() ? line.toLowerCase(Locale.ROOT) : line;
        return tokenizer.tokenize(text);
    }

    static Tokenizer tokenizer(TextOptions options) {
        try {
            return Tokenizers.named(options.tokenizer()).create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load tokenizer " + options.tokenizer(), e);
        }
    }

    /** Tokenises one line at a time, cutting long ones. */
    private static final class SentenceIterator implements Iterator<String[]> {
        private final Iterator<String> lines;
        private final TextOptions options;
        private final Tokenizer tokenizer;
        private final List<String[]> pending = new ArrayList<>();
        private int next;

        SentenceIterator(Iterator<String> lines, TextOptions options) {
            this.lines = lines;
            this.options = options;
            this.tokenizer = tokenizer(options);
        }

        @Override
        public boolean hasNext() {
            return next < pending.size() || lines.hasNext();
        }

        @Override
        public String[] next() {
            if (next < pending.size()) {
                return pending.get(next++);
            }
            pending.clear();
            next = 0;
            String[] tokens = tokens(tokenizer, lines.next(), options);
            int max = options.maxSentenceLength();
            if (tokens.length <= max) {
                return tokens;
            }
            for (int from = max; from < tokens.length; from += max) {
                pending.add(Arrays.copyOfRange(tokens, from, Math.min(tokens.length, from + max)));
            }
            return Arrays.copyOf(tokens, max);
        }
    }
}
