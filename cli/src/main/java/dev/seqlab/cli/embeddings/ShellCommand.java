package dev.seqlab.cli.embeddings;

import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.shell.QueryShell;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqlab embeddings shell}: loads the vectors once and answers typed queries until end of input. */
@Command(
        name = "shell",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Load the vectors once, then answer queries typed one per line.",
            "Queries until Ctrl-D or 'quit':",
            "  king                      the words closest to king",
            "  man : woman :: king : ?   an analogy",
            "  king - man + woman        vector arithmetic",
            "  sim coffee tea            similarity;   odd breakfast lunch car   odd one out",
            "  top 5                     list 5 answers from now on;   help   the syntax",
            "A line that cannot be answered (an unknown word, say) gets a message and the session goes on.",
            "From a --script or a pipe it is a filter: one line per input line, in order,",
            "INPUT<TAB>ANSWER (neighbours as 'word cosine, ...'), or INPUT<TAB><TAB>REASON for a",
            "line it cannot answer; the exit status is then 2."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab embeddings shell --vectors glove100.seqlab",
            "  echo 'man : woman :: king : ?' | seqlab embeddings shell --vectors glove.6B.100d.txt",
            "  cut -f1 words.tsv | seqlab embeddings shell --vectors glove.seqlab --top 3 | paste words.tsv -"
        })
public final class ShellCommand extends VectorsCommand {

    @Option(
            names = "--top",
            defaultValue = "10",
            paramLabel = "N",
            order = 1,
            description = "Answers per query (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(
            names = "--method",
            defaultValue = "add",
            paramLabel = "add|mul",
            order = 2,
            description = "How analogies are answered: 3CosAdd (add, default) or 3CosMul (mul).")
    String method;

    @Option(
            names = "--script",
            paramLabel = "FILE",
            order = 3,
            description = "Read the queries from FILE instead of standard input.")
    Path script;

    @Mixin
    ApproximateOption approximate;

    @Override
    protected int run() throws Exception {
        AnalogyMethod m = AnalogyMethod.fromName(method);
        QueryShell shell;
        if (script != null && !Files.isReadable(script)) {
            throw new NoSuchFileException(script.toString());
        }
        WordVectors wv = loadVectors();
        shell = new QueryShell(wv, NeighborOutput.checkTop(top), m, approximate.of(wv, vectorsFile));
        boolean interactive = script == null && System.console() != null;
        int failed;
        if (script != null) {
            try (BufferedReader in = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
                failed = shell.run(in, out(), err(), false);
            }
        } else {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            failed = shell.run(in, out(), err(), interactive);
        }
        return failed > 0 && !interactive ? 2 : 0;
    }
}
