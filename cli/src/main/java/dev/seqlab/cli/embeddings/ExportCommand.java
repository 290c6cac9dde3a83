package dev.seqlab.cli.embeddings;

import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.projector.ProjectorExport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab embeddings export}: the TensorFlow Embedding Projector's two TSV files. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Write vectors.tsv and metadata.tsv into DIR for the TensorFlow Embedding Projector.",
            "Load them at projector.tensorflow.org. Use --limit to keep the file small (the",
            "projector handles a few tens of thousands of words well)."
        },
        footerHeading = "%nExample:%n",
        footer = "  seqlab embeddings export --vectors glove.6B.100d.txt --limit 10000 --out projector/")
public final class ExportCommand extends VectorsCommand {

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            order = 1,
            description = "Directory for the two files (created if needed).")
    Path dir;

    @Option(
            names = "--rank",
            order = 2,
            description = "Add each word's row number (frequency rank) as a second metadata column.")
    boolean rank;

    @Mixin
    JsonOption json;

    @Override
    protected int run() throws Exception {
        WordVectors wv = loadVectors();
        List<Path> files = ProjectorExport.write(dir, wv, rank, progress());
        if (json.enabled()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("vectors", files.get(0).toString());
            doc.put("metadata", files.get(1).toString());
            doc.put("words", wv.size());
            doc.put("dimension", wv.dimension());
            printJson(doc);
        } else {
            out().printf("wrote %s and %s (%,d words × %d)%n", files.get(0), files.get(1), wv.size(), wv.dimension());
        }
        return 0;
    }
}
