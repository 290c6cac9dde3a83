package dev.seqlab.cli.embeddings;

import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.answers.AnswerDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code seqlab embeddings doesnt-match}: the odd one out. */
@Command(
        name = "doesnt-match",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "The word that fits least with the others (furthest from their mean direction).",
        footerHeading = "%nExample:%n",
        footer = "  seqlab embeddings doesnt-match --vectors glove.6B.100d.txt breakfast cereal dinner lunch")
public final class DoesntMatchCommand extends VectorsCommand {

    @Parameters(arity = "2..*", paramLabel = "WORD", description = "Two or more words.")
    List<String> words = new ArrayList<>();

    @Mixin
    JsonOption json;

    @Override
    protected int run() throws Exception {
        WordVectors wv = loadVectors();
        String odd = wv.doesntMatch(words);
        if (json.enabled()) {
            Map<String, Object> doc = AnswerDocuments.doesntMatch(words, odd);
            OovMarks.mark(doc, OovMarks.of(wv, words));
            printJson(doc);
        } else {
            out().println(odd);
            OovMarks.note(err(), OovMarks.of(wv, words));
        }
        return 0;
    }
}
