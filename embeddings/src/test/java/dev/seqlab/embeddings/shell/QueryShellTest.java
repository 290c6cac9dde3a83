package dev.seqlab.embeddings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.fixtures.Vectors;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryShellTest {

    // cosines worked out by hand: king·man = 1/√2, king·queen = 1/2, king·woman = 0, king·apple = −1/√2
    private final WordVectors wv = Vectors.of(
            List.of("man", "woman", "king", "queen", "apple"),
            new float[][] {{1, 0, 0}, {0, 1, 0}, {1, 0, 1}, {0, 1, 1}, {0, 0, -1}});

    record Transcript(int failed, String out, String err) {}

    private Transcript run(String script, boolean interactive) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int failed = new QueryShell(wv, 2, AnalogyMethod.ADD)
                .run(
                        new BufferedReader(new StringReader(script)),
                        new PrintWriter(out),
                        new PrintWriter(err),
                        interactive);
        return new Transcript(failed, out.toString(), err.toString());
    }

    @Test
    void answersEachSyntaxOneLinePerInputLineWhenPiped() throws Exception {
        Transcript t = run(
                "king\nman : woman :: king : ?\nking - man + woman\n\nsim king queen\nodd king queen man apple\n"
                        + "king queen\n",
                false);
        assertEquals(
                String.join(
                        "\n",
                        "king\tman 0.7071, queen 0.5000",
                        // woman − man + king/√2 = (−0.293, 1, 0.707): cosine with queen 1.207/1.259 = 0.9586,
                        // with apple −0.707/1.259 = −0.5615 (by hand)
                        "man : woman :: king : ?\tqueen 0.9586, apple -0.5615",
                        "king - man + woman\tqueen 0.9586, apple -0.5615",
                        "\t",
                        "sim king queen\t0.5000",
                        "odd king queen man apple\tapple",
                        "king queen\tking: man 0.7071, queen 0.5000; queen: woman 0.7071, king 0.5000",
                        ""),
                t.out());
        assertEquals("", t.err());
        assertEquals(0, t.failed());
    }

    @Test
    void unknownWordsAndBadLinesKeepTheirPlaceAndTheSessionGoesOn() throws Exception {
        Transcript t = run("kign\nman : woman\ntop 1\nqueen\nquit\nking\n", false);
        assertEquals(2, t.failed());
        String[] errors = t.err().split("\n");
        assertEquals(2, errors.length, t.err());
        assertEquals("unknown word 'kign'; did you mean king?", errors[0]);
        assertEquals("an analogy needs '::' in the middle, e.g. 'man : woman :: king : ?'", errors[1]);
        // one line per input line, declined ones with an empty answer and the reason; after "top 1",
        // one answer; "quit" ends the input before the last line
        assertEquals(
                String.join(
                        "\n",
                        "kign\t\tunknown word 'kign'; did you mean king?",
                        "man : woman\t\tan analogy needs '::' in the middle, e.g. 'man : woman :: king : ?'",
                        "top 1\ttop 1",
                        "queen\twoman 0.7071",
                        ""),
                t.out());
    }

    @Test
    void answersATableOnATerminal() throws Exception {
        Transcript t = run("king\n", true);
        assertEquals(
                "5 words, 3 dimensions. Type 'help' for the syntax, Ctrl-D to leave.\n> king:\n   1  man    0.7071\n"
                        + "   2  queen  0.5000\n> \n",
                t.out());
    }

    @Test
    void promptsAndGreetsOnATerminal() throws Exception {
        Transcript t = run("help\n", true);
        assertEquals(
                "5 words, 3 dimensions. Type 'help' for the syntax, Ctrl-D to leave.\n> " + QueryParser.HELP + "\n> \n",
                t.out());
    }

    @Test
    void rejectsABadAnswerCount() {
        assertThrows(IllegalArgumentException.class, () -> new QueryShell(wv, 0, AnalogyMethod.ADD));
    }
}
