package dev.seqlab.embeddings.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fixtures.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analogy and word-pair evaluation on hand-built vectors whose answers are worked out by hand. */
class EvaluationTest {
    private static final float R3 = (float) (1 / Math.sqrt(3));

    @TempDir
    Path dir;

    /**
     * man, woman, king, prince on the four axes; queen = unit(woman − man + king) and princess =
     * unit(woman − man + prince), so those analogies are answered with cosine 1. "Woman" (a case
     * variant of woman, its own row) points exactly where queen points and comes before it: the
     * evaluation must skip it as a question word after case folding, as gensim does.
     */
    private static WordVectors family() {
        return Vectors.of(List.of("man", "woman", "king", "prince", "Woman", "queen", "princess"), new float[][] {
            {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}, {-R3, R3, R3, 0}, {-R3, R3, R3, 0}, {-R3, R3, 0, R3}
        });
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void analogyAccuracyPerSectionAndTotal() throws IOException {
        Path q = write(
                "q.txt",
                String.join(
                        "\n",
                        ": royals",
                        "man woman king queen", // right (Woman skipped: it is 'woman' after case folding)
                        "man woman prince princess", // right
                        "MAN Woman KING Queen", // right: case-insensitive
                        "man woman king princess", // wrong: queen comes out
                        "man woman dragon queen", // unknown word: skipped
                        "man woman king", // not a question: ignored
                        ": reverse",
                        "king queen man woman", // right: queen − king + man is closest to woman (cos .695)
                        ": empty",
                        "knight lady man woman", // unknown: skipped
                        ""));
        AnalogyEvaluation e = AnalogyEvaluation.run(family(), q);
        assertEquals(3, e.sections().size());
        assertEquals(new AnalogySection("royals", 3, 1), e.sections().get(0));
        assertEquals(new AnalogySection("reverse", 1, 0), e.sections().get(1));
        assertEquals(new AnalogySection("empty", 0, 0), e.sections().get(2));
        assertEquals(0.0, e.sections().get(2).accuracy());
        assertEquals(new AnalogySection("Total accuracy", 4, 1), e.total());
        assertEquals(0.8, e.accuracy(), 1e-12);
        assertEquals(7, e.questions());
        assertEquals(2, e.outOfVocabulary());
        assertEquals(100.0 * 2 / 7, e.oovRatio(), 1e-12);
    }

    @Test
    void restrictVocabTurnsLaterWordsIntoUnknownsAndCaseSensitivityIsAnOption() throws IOException {
        Path q = write("q.txt", ": s\nman woman king queen\nMAN WOMAN KING QUEEN\nman woman prince princess\n");
        AnalogyEvaluation first4 =
                AnalogyEvaluation.run(family(), q, AnalogyEvaluationOptions.DEFAULT.withRestrictVocab(4));
        assertEquals(0, first4.total().evaluated());
        assertEquals(3, first4.outOfVocabulary());
        AnalogyEvaluation sensitive = AnalogyEvaluation.run(
                family(), q, AnalogyEvaluationOptions.defaults().withCaseInsensitive(false));
        // case-sensitive, the capitals are unknown, and "Woman" is no longer a question word: it wins
        assertEquals(new AnalogySection("Total accuracy", 1, 1), sensitive.total());
        assertEquals(1, sensitive.outOfVocabulary());
        AnalogyEvaluation dummy = AnalogyEvaluation.run(
                family(),
                q,
                AnalogyEvaluationOptions.defaults().withRestrictVocab(4).withDummy4unknown(true));
        assertEquals(new AnalogySection("Total accuracy", 0, 3), dummy.total());
    }

    @Test
    void cosMulAnswersTheExactAnalogiesToo() throws IOException {
        Path q = write("q.txt", ": s\nman woman king queen\nman woman prince princess\n");
        AnalogyEvaluation e =
                AnalogyEvaluation.run(family(), q, AnalogyEvaluationOptions.DEFAULT.withMethod(AnalogyMethod.MUL));
        assertEquals(1.0, e.accuracy());
    }

    @Test
    void questionBeforeAnySectionIsAnError() throws IOException {
        Path q = write("q.txt", "\nman woman king queen\n");
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> AnalogyEvaluation.run(family(), q));
        assertEquals(2, e.line());
    }

    /** 2-D vectors at known angles: a 0°, b 90°, c 45°, d 180°, e 30°, f 60°. */
    private static WordVectors plane() {
        double r3 = Math.sqrt(3);
        return Vectors.of(
                List.of("a", "b", "c", "d", "e", "f"),
                new float[][] {{1, 0}, {0, 3}, {1, 1}, {-2, 0}, {(float) r3, 1}, {0.5f, (float) (r3 / 2)}});
    }

    @Test
    void wordPairsGiveScipysPearsonAndSpearman() throws IOException {
        // cosines 0, .7071, −1, .8660, .7071 against judgements 2, 6, 0, 9, 7; reference values from
        // scipy.stats.pearsonr / spearmanr on those numbers (the tie, one pair both ways round,
        // shares its average rank)
        Path pairs = write(
                "pairs.tsv",
                String.join(
                        "\n",
                        "# a comment\tline\t5",
                        "a\tb\t2",
                        "A\tc\t6.0",
                        "a\td\t0",
                        "e\tf\t9",
                        "c\ta\t7",
                        "a\tzzz\t5", // unknown word
                        "b\tc", // two fields: skipped
                        "b\tc\tmuch", // not a number: skipped
                        ""));
        WordPairEvaluation e = WordPairEvaluation.run(plane(), pairs);
        assertEquals(0.9410075221507576, e.pearson(), 1e-6);
        assertEquals(0.9746794344808964, e.spearman(), 1e-6);
        assertEquals(5, e.pairs());
        assertEquals(1, e.outOfVocabulary());
        assertEquals(100.0 / 6, e.oovRatio(), 1e-12);
    }

    @Test
    void commaSeparatedPairsAreDetected() throws IOException {
        Path pairs = write("pairs.csv", "word1,word2,score\na,b,2\na,c,6\na,d,0\ne,f,9\nc,a,7\n");
        WordPairEvaluation e = WordPairEvaluation.run(plane(), pairs);
        assertEquals(0.9746794344808964, e.spearman(), 1e-6);
        assertEquals(5, e.pairs());
    }

    @Test
    void noUsablePairIsAClearError() throws IOException {
        Path pairs = write("none.tsv", "x\ty\t1\nu\tv\t2\n");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> WordPairEvaluation.run(plane(), pairs));
        assertTrue(e.getMessage().contains("outside the vocabulary"), e.getMessage());
    }

    @Test
    void ranksAverageTies() {
        assertEquals(List.of(1.0, 2.5, 2.5, 4.0), toList(Correlation.ranks(new double[] {1, 5, 5, 9})));
        assertEquals(List.of(3.0, 1.0, 2.0), toList(Correlation.ranks(new double[] {9, -1, 0})));
        assertEquals(Double.NaN, Correlation.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3}));
    }

    private static List<Double> toList(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
