package dev.seqlab.cli.embeddings;

import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.io.VectorFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab embeddings convert}: rewrites vectors in another format. */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Write the vectors in another format.",
            "The seqlab format opens in a fraction of a second (memory-mapped, no parsing);",
            "text and binary formats are gzipped when OUT ends in .gz."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab embeddings convert --vectors glove.6B.300d.txt --out glove300.seqlab",
            "  seqlab embeddings convert --vectors GoogleNews-vectors-negative300.bin --limit 200000 --out news.txt.gz --format word2vec"
        })
public final class ConvertCommand extends VectorsCommand {

    @Option(
            names = "--out",
            required = true,
            paramLabel = "OUT",
            order = 1,
            description = "The file to write (replaced atomically).")
    Path out;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            order = 2,
            description =
                    "glove, word2vec, word2vec-bin or seqlab (default: from OUT's extension .txt, .vec, .bin, .seqlab).")
    String format;

    @Mixin
    JsonOption json;

    @Override
    protected int run() throws Exception {
        VectorFormat f = OutputFormats.choose(format, out, null);
        WordVectors wv = loadVectors();
        wv.save(out, f);
        long bytes = Files.size(out);
        if (json.enabled()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("out", out.toString());
            doc.put("format", f.cliName());
            doc.put("words", wv.size());
            doc.put("dimension", wv.dimension());
            doc.put("bytes", bytes);
            printJson(doc);
        } else {
            out().printf(
                            "wrote %,d words × %d dimensions to %s (%s, %,d bytes)%n",
                            wv.size(), wv.dimension(), out, f.cliName(), bytes);
        }
        return 0;
    }
}
