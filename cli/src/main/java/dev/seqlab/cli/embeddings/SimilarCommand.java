package dev.seqlab.cli.embeddings;

import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.embeddings.ApproximateQueries;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.answers.AnswerDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqlab embeddings similar}: the words closest to one word, or to a sum and difference of words. */
@Command(
        name = "similar",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "The words closest to WORD (several words: to their mean direction), by cosine similarity.",
            "Same answers as gensim's most_similar."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab embeddings similar --vectors glove.6B.100d.txt king",
            "  seqlab embeddings similar --vectors glove.6B.100d.txt --top 5 paris france --negative germany",
            "  seqlab embeddings similar --vectors glove.6B.100d.txt --json frog",
            "  seqlab embeddings similar --vectors news.seqlab --approximate king   (after seqlab embeddings index)"
        })
public final class SimilarCommand extends VectorsCommand {

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Parameters(arity = "1..*", paramLabel = "WORD", description = "Words whose neighbours to list.")
    List<String> words = new ArrayList<>();

    @Option(names = "--negative", paramLabel = "WORD", description = "A word to subtract (repeatable).")
    List<String> negative = new ArrayList<>();

    @Option(
            names = "--top",
            defaultValue = "10",
            paramLabel = "N",
            description = "How many words to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(
            names = "--restrict",
            defaultValue = "0",
            paramLabel = "N",
            description = "Search only the first N words of the vocabulary; 0 searches all (default).")
    int restrict;

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
        WordVectors wv = loadVectors();
        ApproximateQueries approx = approximate.of(wv, vectorsFile);
        List<Neighbor> result = approx != null
                ? approx.mostSimilar(words, negative, top, restrict)
                : wv.mostSimilar(words, negative, top, restrict);
        List<String> oov = OovMarks.of(wv, concat(words, negative));
        if (json.enabled()) {
            Map<String, Object> doc = AnswerDocuments.similar(words, negative, result);
            OovMarks.mark(doc, oov);
            printJson(doc);
        } else {
            NeighborOutput.printTable(out(), result, "cosine");
            OovMarks.note(err(), oov);
        }
        return 0;
    }
}
