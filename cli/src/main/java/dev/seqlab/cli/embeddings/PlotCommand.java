package dev.seqlab.cli.embeddings;

import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.projector.WordScatterPlot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqlab embeddings plot}: a labelled 2-D PCA scatter plot of chosen words. */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Draw the chosen words on the first two principal components of their vectors (PNG).",
        footerHeading = "%nExample:%n",
        footer =
                "  seqlab embeddings plot --vectors glove.6B.50d.txt --out royals.png king queen man woman prince princess")
public final class PlotCommand extends VectorsCommand {

    @Parameters(arity = "2..*", paramLabel = "WORD", description = "The words to plot (at least two).")
    List<String> words = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "PNG", order = 1, description = "The PNG file to write.")
    Path png;

    @Mixin
    JsonOption json;

    @Override
    protected int run() throws Exception {
        WordVectors wv = loadVectors();
        WordScatterPlot plot = WordScatterPlot.of(wv, words);
        plot.writePng(png);
        if (json.enabled()) {
            List<Map<String, Object>> points = new ArrayList<>();
            for (int i = 0; i < plot.words().size(); i++) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("word", plot.words().get(i));
                p.put("x", plot.point(i)[0]);
                p.put("y", plot.point(i)[1]);
                points.add(p);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("png", png.toString());
            doc.put("explained", List.of(plot.explainedRatio(0), plot.explainedRatio(1)));
            doc.put("points", points);
            printJson(doc);
        } else {
            out().printf(
                            Locale.ROOT,
                            "wrote %s: %d words; the axes hold %.1f%% and %.1f%% of their variance%n",
                            png,
                            plot.words().size(),
                            100 * plot.explainedRatio(0),
                            100 * plot.explainedRatio(1));
        }
        return 0;
    }
}
