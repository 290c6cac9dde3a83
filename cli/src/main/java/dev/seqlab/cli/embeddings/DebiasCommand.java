package dev.seqlab.cli.embeddings;

import dev.seqlab.cli.TextTable;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.answers.AnswerDocuments;
import dev.seqlab.embeddings.debias.DebiasLists;
import dev.seqlab.embeddings.debias.DebiasResult;
import dev.seqlab.embeddings.debias.Debiaser;
import dev.seqlab.embeddings.debias.WordPair;
import dev.seqlab.embeddings.debias.WordProjection;
import dev.seqlab.embeddings.io.FormatDetector;
import dev.seqlab.embeddings.io.VectorFormat;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab embeddings debias}: hard debiasing (neutralize and equalize) as taught in the course. */
@Command(
        name = "debias",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Remove a bias direction (gender by default) from word vectors, as Bolukbasi et al. (2016).",
            "The direction is the principal component of definitional pairs (he/she, man/woman, ...);",
            "neutral words (doctor, nurse, ...) lose their component along it, and pairs are equalized",
            "to differ only along it. Writes the new vectors (unit length, see the docs) and prints each",
            "listed word's projection on the bias axis before and after."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab embeddings debias --vectors glove.6B.50d.txt --out glove50-debiased.txt",
            "  seqlab embeddings debias --vectors glove.6B.50d.txt --out debiased.seqlab --pairs my-pairs.txt --neutral jobs.txt"
        })
public final class DebiasCommand extends VectorsCommand {

    @Option(
            names = "--out",
            required = true,
            paramLabel = "OUT",
            order = 1,
            description = "The file to write (replaced atomically).")
    Path out;

    @Option(
            names = "--pairs",
            paramLabel = "FILE",
            order = 2,
            description = "Definitional pairs, two words per line (default: the bundled gender pairs).")
    Path pairsFile;

    @Option(
            names = "--equalize",
            paramLabel = "FILE",
            order = 3,
            description = "Pairs to equalize, two words per line (default: the definitional pairs).")
    Path equalizeFile;

    @Option(
            names = "--neutral",
            paramLabel = "FILE",
            order = 4,
            description = "Words to neutralize, one per line (default: the bundled occupations and topics).")
    Path neutralFile;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            order = 5,
            description =
                    "glove, word2vec, word2vec-bin or seqlab (default: from OUT's extension, else the input's format).")
    String format;

    @Mixin
    JsonOption json;

    @Override
    protected int run() throws Exception {
        List<WordPair> definitional = pairsFile != null ? DebiasLists.readPairs(pairsFile) : DebiasLists.defaultPairs();
        List<WordPair> equalize = equalizeFile != null ? DebiasLists.readPairs(equalizeFile) : definitional;
        List<String> neutral =
                neutralFile != null ? DebiasLists.readWords(neutralFile) : DebiasLists.defaultNeutralWords();
        DebiasLists lists = new DebiasLists(definitional, equalize, neutral);
        VectorFormat f = OutputFormats.choose(
                format, out, FormatDetector.detect(vectorsFile).format());
        WordVectors wv = loadVectors();
        DebiasResult r = Debiaser.debias(wv, lists);
        r.vectors().save(out, f);
        if (json.enabled()) {
            printJson(toJson(r, f));
            return 0;
        }
        out().printf(
                        Locale.ROOT,
                        "bias direction from %d pairs (first component holds %.1f%% of their variance)%n",
                        r.directionPairs().size(),
                        100 * r.direction().explainedRatio());
        TextTable t = new TextTable("word", "change", "before", "after");
        for (WordProjection p : r.projections()) {
            t.row(p.word(), p.role().name().toLowerCase(Locale.ROOT), fmt(p.before()), fmt(p.after()));
        }
        t.print(out());
        if (!r.missing().isEmpty()) {
            out().println("not in the vocabulary, skipped: " + String.join(", ", r.missing()));
        }
        out().printf("wrote %,d words to %s (%s)%n", r.vectors().size(), out, f.cliName());
        return 0;
    }

    private Map<String, Object> toJson(DebiasResult r, VectorFormat f) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("out", out.toString());
        doc.put("format", f.cliName());
        doc.putAll(AnswerDocuments.biasProjections(r.direction(), r.directionPairs(), r.projections(), r.missing()));
        return doc;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%+.4f", v);
    }
}
