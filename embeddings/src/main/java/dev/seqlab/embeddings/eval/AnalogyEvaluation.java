package dev.seqlab.embeddings.eval;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.UnknownWordException;
import dev.seqlab.embeddings.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Analogy accuracy on a file in the questions-words format, as gensim's
 * {@code evaluate_word_analogies} computes it: sections start with {@code : name}; each other
 * line is {@code a b c expected} ("a is to b as c is to expected"); lines without four words are
 * skipped; questions with a word outside the first {@code restrictVocab} words are skipped (or
 * counted wrong with dummy4unknown). The answer is the best of the 5 nearest words to b − a + c
 * (3CosAdd, or 3CosMul) that is not a, b or c after case folding. With {@link
 * AnalogyEvaluationOptions#oovVectors()} and vectors that have subwords, questions with unknown
 * words are answered too (from the unknown words' n-gram vectors; an unknown expected word can
 * never be the answer) and counted in the sections: the all-questions figure.
 *
 * @param sections        per-section results in file order
 * @param total           the "Total accuracy" pseudo-section summing all sections
 * @param questions       question lines read (with four words)
 * @param outOfVocabulary questions with a word outside the evaluated vocabulary
 */
public record AnalogyEvaluation(
        List<AnalogySection> sections, AnalogySection total, int questions, int outOfVocabulary) {

    /** Compact constructor: keeps an immutable copy of the sections. */
    public AnalogyEvaluation {
        sections = List.copyOf(sections);
    }

    /** The overall accuracy (gensim's returned score). */
    public double accuracy() {
        return total.accuracy();
    }

    /** The share of questions with unknown words, in percent (as gensim logs it). */
    public double oovRatio() {
        return questions == 0 ? 0.0 : 100.0 * outOfVocabulary / questions;
    }

    /** Analogy accuracy of {@code vectors} on a questions-words file with gensim's defaults (first 300,000 words, case-insensitive). */
    public static AnalogyEvaluation run(WordVectors vectors, Path file) throws IOException {
        return run(vectors, file, AnalogyEvaluationOptions.DEFAULT);
    }

    /** Runs the evaluation of {@code vectors} on {@code file}. */
    public static AnalogyEvaluation run(WordVectors vectors, Path file, AnalogyEvaluationOptions options)
            throws IOException {
        EvalVocabulary vocab = new EvalVocabulary(vectors, options.restrictVocab(), options.caseInsensitive());
        List<AnalogySection> sections = new ArrayList<>();
        String name = null;
        int correct = 0;
        int incorrect = 0;
        int questions = 0;
        int oov = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.startsWith(": ")) {
                    if (name != null) {
                        sections.add(new AnalogySection(name, correct, incorrect));
                    }
                    name = stripLeading(line, ": ").strip();
                    correct = 0;
                    incorrect = 0;
                    continue;
                }
                String[] w = line.strip().split("\\s+");
                if (name == null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    throw new MalformedFileException(
                            file, lineNo, "a question before the first section header" + " (': section name')");
                }
                if (w.length != 4 || w[0].isEmpty()) {
                    continue; // gensim skips lines that are not four words
                }
                questions++;
                String a = vocab.key(w[0]);
                String b = vocab.key(w[1]);
                String c = vocab.key(w[2]);
                String expected = vocab.key(w[3]);
                if (!vocab.contains(a) || !vocab.contains(b) || !vocab.contains(c) || !vocab.contains(expected)) {
                    oov++;
                    if (options.oovVectors() && vectors.hasSubwords()) {
                        if (expected.equals(predictUnknown(vectors, vocab, options, w))) {
                            correct++;
                        } else {
                            incorrect++;
                        }
                    } else if (options.dummy4unknown()) {
                        incorrect++;
                    }
                    continue;
                }
                String predicted = predict(vectors, vocab, options, a, b, c);
                if (expected.equals(predicted)) {
                    correct++;
                } else {
                    incorrect++;
                }
            }
        }
        if (name != null) {
            sections.add(new AnalogySection(name, correct, incorrect));
        }
        int totalCorrect = 0;
        int totalIncorrect = 0;
        for (AnalogySection s : sections) {
            totalCorrect += s.correct();
            totalIncorrect += s.incorrect();
        }
        return new AnalogyEvaluation(
                sections, new AnalogySection("Total accuracy", totalCorrect, totalIncorrect), questions, oov);
    }

    /**
     * gensim's choice of answer: walk the 5 best candidates (the question rows excluded) and stop
     * at the first whose key is not a question word; when none qualifies, the last one walked.
     */
    private static String predict(
            WordVectors vectors, EvalVocabulary vocab, AnalogyEvaluationOptions options, String a, String b, String c) {
        int ra = vocab.row(a);
        int rb = vocab.row(b);
        int rc = vocab.row(c);
        List<Neighbor> sims = options.method() == AnalogyMethod.ADD
                ? vectors.mostSimilar(new int[] {rb, rc}, new int[] {ra}, 5, options.restrictVocab())
                : vectors.mostSimilarCosMul(
                        List.of(vectors.word(rb), vectors.word(rc)),
                        List.of(vectors.word(ra)),
                        5,
                        options.restrictVocab());
        return pick(sims, vocab, a, b, c);
    }

    /** The answer to a question with unknown words, from their subword vectors (null if a word has none). */
    private static String predictUnknown(
            WordVectors vectors, EvalVocabulary vocab, AnalogyEvaluationOptions options, String[] w) {
        List<String> positive = List.of(vocab.lookupForm(vectors, w[1]), vocab.lookupForm(vectors, w[2]));
        List<String> negative = List.of(vocab.lookupForm(vectors, w[0]));
        List<Neighbor> sims;
        try {
            sims = options.method() == AnalogyMethod.ADD
                    ? vectors.mostSimilar(positive, negative, 5, options.restrictVocab())
                    : vectors.mostSimilarCosMul(positive, negative, 5, options.restrictVocab());
        } catch (UnknownWordException e) {
            return null;
        }
        return pick(sims, vocab, vocab.key(w[0]), vocab.key(w[1]), vocab.key(w[2]));
    }

    /** The first candidate whose key is not a question word; when none qualifies, the last one. */
    private static String pick(List<Neighbor> sims, EvalVocabulary vocab, String a, String b, String c) {
        String predicted = null;
        for (Neighbor n : sims) {
            predicted = vocab.key(n.word());
            if (vocab.contains(predicted) && !predicted.equals(a) && !predicted.equals(b) && !predicted.equals(c)) {
                break;
            }
        }
        return predicted;
    }

    /** Python's {@code str.lstrip(chars)}: drops leading characters that are in {@code chars}. */
    private static String stripLeading(String s, String chars) {
        int i = 0;
        while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }
}
