package dev.seqlab.embeddings.eval;

import dev.seqlab.embeddings.UnknownWordException;
import dev.seqlab.embeddings.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Correlation of the vectors' cosine similarities with human judgements, as gensim's
 * {@code evaluate_word_pairs} computes it: lines {@code word1<sep>word2<sep>score}, lines starting
 * with {@code #} are comments, other lines without exactly three fields or with a score that is
 * not a number are skipped; pairs with a word outside the first {@code restrictVocab} words are
 * skipped (or scored 0 with dummy4unknown). With {@link WordPairOptions#oovVectors()} and vectors
 * that have subwords, such pairs are scored from the unknown words' n-gram vectors instead (the
 * all-pairs figure; {@code outOfVocabulary} still counts them).
 *
 * @param pearson         Pearson's r between judgements and similarities
 * @param spearman        Spearman's rho
 * @param oovRatio        pairs with unknown words, in percent (of all pairs read, as gensim)
 * @param pairs           pairs evaluated
 * @param outOfVocabulary pairs with unknown words
 */
public record WordPairEvaluation(double pearson, double spearman, double oovRatio, int pairs, int outOfVocabulary) {
    /** What Python's {@code float()} accepts (apart from underscores). */
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?((\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|(?i:nan|inf|infinity))");

    /**
     * Correlation of {@code vectors} with human similarity judgements with gensim's defaults
     * (tab-separated, first 300,000 words, case-insensitive).
     *
     * @throws IllegalArgumentException if no pair can be evaluated (wrong format, or all unknown)
     */
    public static WordPairEvaluation run(WordVectors vectors, Path file) throws IOException {
        return run(vectors, file, WordPairOptions.DEFAULT);
    }

    /**
     * Runs the evaluation of {@code vectors} on {@code file}.
     *
     * @throws IllegalArgumentException if no pair can be evaluated (wrong format, or all unknown)
     */
    public static WordPairEvaluation run(WordVectors vectors, Path file, WordPairOptions options) throws IOException {
        EvalVocabulary vocab = new EvalVocabulary(vectors, options.restrictVocab(), options.caseInsensitive());
        List<String> lines;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = in.lines().toList();
        }
        String delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter(lines);
        List<double[]> judged = new ArrayList<>();
        int oov = 0;
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(Pattern.quote(delimiter), -1);
            if (f.length != 3) {
                continue;
            }
            String score = f[2].strip();
            if (!NUMBER.matcher(score).matches()) {
                continue;
            }
            double gold = parse(score);
            String a = vocab.key(f[0]);
            String b = vocab.key(f[1]);
            if (!vocab.contains(a) || !vocab.contains(b)) {
                oov++;
                if (options.oovVectors() && vectors.hasSubwords()) {
                    judged.add(new double[] {gold, unknownSimilarity(vectors, vocab, f[0], f[1])});
                } else if (options.dummy4unknown()) {
                    judged.add(new double[] {gold, 0.0});
                }
                continue;
            }
            judged.add(new double[] {gold, vectors.similarity(vectors.word(vocab.row(a)), vectors.word(vocab.row(b)))});
        }
        if (judged.isEmpty()) {
            throw new IllegalArgumentException("no word pair of " + file + " could be evaluated: "
                    + (oov > 0
                            ? "all " + oov + " pairs have words outside the vocabulary"
                            : "no line has the form word1" + printable(delimiter) + "word2" + printable(delimiter)
                                    + "score"));
        }
        double[] gold = new double[judged.size()];
        double[] model = new double[judged.size()];
        for (int i = 0; i < gold.length; i++) {
            gold[i] = judged.get(i)[0];
            model[i] = judged.get(i)[1];
        }
        boolean scoredAll = options.dummy4unknown() || options.oovVectors() && vectors.hasSubwords();
        double ratio = scoredAll ? 100.0 * oov / gold.length : 100.0 * oov / (gold.length + oov);
        return new WordPairEvaluation(
                Correlation.pearson(gold, model), Correlation.spearman(gold, model), ratio, gold.length, oov);
    }

    /** The similarity of a pair with an unknown word, from subword vectors; 0 when a word has none. */
    private static double unknownSimilarity(WordVectors vectors, EvalVocabulary vocab, String a, String b) {
        try {
            return vectors.similarity(vocab.lookupForm(vectors, a.strip()), vocab.lookupForm(vectors, b.strip()));
        } catch (UnknownWordException e) {
            return 0.0;
        }
    }

    /** Tab when the first non-comment line has one, else comma. */
    static String detectDelimiter(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            return line.indexOf('\t') >= 0 ? "\t" : ",";
        }
        return "\t";
    }

    private static double parse(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        String u = l.startsWith("-") || l.startsWith("+") ? l.substring(1) : l;
        if (u.equals("nan")) {
            return Double.NaN;
        }
        if (u.startsWith("inf")) {
            return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(s);
    }

    private static String printable(String d) {
        return d.equals("\t") ? "<TAB>" : d;
    }
}
