package dev.seqlab.cli.embeddings;

import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.ApproximateQueries;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.answers.AnswerDocuments;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqlab embeddings analogy}: "A is to B as C is to ?". */
@Command(
        name = "analogy",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Solve \"A is to B as C is to ?\".",
            "The answers are the words closest to B - A + C (--method add, 3CosAdd) or best",
            "by 3CosMul (--method mul). A, B and C themselves are never answers."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab embeddings analogy --vectors glove.6B.100d.txt man woman king",
            "  seqlab embeddings analogy --vectors glove.6B.100d.txt --method mul --top 3 paris france rome"
        })
public final class AnalogyCommand extends VectorsCommand {

    @Parameters(index = "0", paramLabel = "A", description = "The first word of the known pair.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "The second word of the known pair.")
    String b;

    @Parameters(index = "2", paramLabel = "C", description = "The word whose partner to find.")
    String c;

    @Option(
            names = "--method",
            defaultValue = "add",
            paramLabel = "add|mul",
            description = "3CosAdd (add, default) or 3CosMul (mul).")
    String method;

    @Option(
            names = "--top",
            defaultValue = "5",
            paramLabel = "N",
            description = "How many answers to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    ApproximateOption approximate;

    @Mixin
    JsonOption json;

    /** Compiles the search kernel on the idle core while the options are parsed and a large file opened. */
    @Override
    public void startEarly(List<String> args) {
        warmUpSearchFor(args);
    }

    @Override
    protected int run() throws Exception {
        NeighborOutput.checkTop(top);
        AnalogyMethod m = AnalogyMethod.fromName(method);
        WordVectors wv = loadVectors();
        ApproximateQueries approx = approximate.of(wv, vectorsFile);
        if (approx != null && m != AnalogyMethod.ADD) {
            throw new IllegalArgumentException("--approximate answers analogies by --method add only");
        }
        List<Neighbor> answers = approx != null ? approx.analogy(a, b, c, top) : wv.analogy(a, b, c, m, top);
        if (json.enabled()) {
            Map<String, Object> doc = AnswerDocuments.analogy(a, b, c, m, answers);
            OovMarks.mark(doc, OovMarks.of(wv, List.of(a, b, c)));
            printJson(doc);
        } else {
            out().println(a + " : " + b + " :: " + c + " : " + answers.get(0).word());
            out().println();
            NeighborOutput.printTable(out(), answers, m == AnalogyMethod.ADD ? "cosine" : "3cosmul");
            OovMarks.note(err(), OovMarks.of(wv, List.of(a, b, c)));
        }
        return 0;
    }
}
