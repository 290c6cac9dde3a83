package dev.seqlab.cli.embeddings;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.explorer.ExplorerOptions;
import dev.seqlab.explorer.server.ExplorerServer;
import dev.seqlab.sentences.SentenceEncoder;
import dev.seqlab.sentences.SentenceEncoderOptions;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqlab embeddings serve}: the embedding explorer, a local web page over the vectors. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Serve the embedding explorer, a local web page over the vectors.",
            "The page has neighbours, analogies, doesn't-match, PCA and t-SNE maps and a bias view;",
            "its JSON API (/api/similar?word=king, …) gives the same answers as the commands' --json.",
            "Prints the URL and serves until interrupted. Everything is in the jar; nothing is fetched."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab embeddings serve --vectors glove.6B.100d.txt",
            "  seqlab embeddings serve --vectors glove100.seqlab --port 9000 --sentences"
        })
public final class ServeCommand extends VectorsCommand {

    @Option(
            names = "--port",
            defaultValue = "8080",
            paramLabel = "N",
            description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--sentences", description = "Also offer sentence similarity through the bundled sentence encoder.")
    boolean sentences;

    @Override
    protected int run() throws Exception {
        ExplorerOptions options = ExplorerOptions.defaults().withPort(port).withBind(bind);
        WordVectors wv = loadVectors();
        SentenceEncoder encoder =
                sentences ? SentenceEncoder.load(SentenceEncoder.BUNDLED_MODEL, SentenceEncoderOptions.DEFAULT) : null;
        CountDownLatch stopped = new CountDownLatch(1);
        try (ExplorerServer server = ExplorerServer.start(wv, encoder, options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "seqlab-explorer-stop"));
            out().println("explorer: " + server.url() + "  (" + wv.size() + " words; Ctrl-C stops)");
            out().flush();
            stopped.await();
        } finally {
            if (encoder != null) {
                encoder.close();
            }
        }
        return 0;
    }
}
