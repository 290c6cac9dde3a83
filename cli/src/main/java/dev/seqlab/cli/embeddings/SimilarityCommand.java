package dev.seqlab.cli.embeddings;

import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.answers.AnswerDocuments;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code seqlab embeddings similarity}: the cosine similarity of two words. */
@Command(
        name = "similarity",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "The cosine similarity of two words' vectors (-1 to 1).",
        footerHeading = "%nExample:%n",
        footer = "  seqlab embeddings similarity --vectors glove.6B.100d.txt coffee tea")
public final class SimilarityCommand extends VectorsCommand {

    @Parameters(index = "0", paramLabel = "WORD1", description = "The first word.")
    String word1;

    @Parameters(index = "1", paramLabel = "WORD2", description = "The second word.")
    String word2;

    @Mixin
    JsonOption json;

    @Override
    protected int run() throws Exception {
        WordVectors wv = loadVectors();
        double s = wv.similarity(word1, word2);
        if (json.enabled()) {
            Map<String, Object> doc = AnswerDocuments.similarity(word1, word2, s);
            OovMarks.mark(doc, OovMarks.of(wv, List.of(word1, word2)));
            printJson(doc);
        } else {
            out().println(String.format(Locale.ROOT, "%.4f", s));
            OovMarks.note(err(), OovMarks.of(wv, List.of(word1, word2)));
        }
        return 0;
    }
}
