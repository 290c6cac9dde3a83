package dev.seqlab.cli.embeddings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seqlab embeddings}: the parent of the word-vector subcommands. */
@Command(
        name = "embeddings",
        mixinStandardHelpOptions = true,
        description = {
            "Query, evaluate, convert and debias pretrained word vectors.",
            "--vectors reads GloVe text, word2vec text or binary, fastText .vec, gzip of any of them,"
                    + " and seqlab's own format (detected from the content).",
            "From a fastText .bin model, unknown words get vectors from their character n-grams",
            "(marked \"oov\": true with --json)."
        },
        subcommands = {
            SimilarCommand.class,
            AnalogyCommand.class,
            SimilarityCommand.class,
            DoesntMatchCommand.class,
            EvaluateCommand.class,
            ConvertCommand.class,
            DebiasCommand.class,
            ShellCommand.class,
            ExportCommand.class,
            PlotCommand.class,
            IndexCommand.class,
            ServeCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab embeddings similar --vectors glove.6B.100d.txt king",
            "  seqlab embeddings analogy --vectors glove.6B.100d.txt man woman king",
            "  seqlab embeddings convert --vectors glove.6B.100d.txt --out glove100.seqlab --format seqlab",
            "  seqlab embeddings shell --vectors glove100.seqlab"
        })
public final class EmbeddingsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
