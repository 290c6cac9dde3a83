package dev.seqlab.cli;

import dev.seqlab.cli.classify.ClassifyCommand;
import dev.seqlab.cli.dates.DatesCommand;
import dev.seqlab.cli.dinos.DinosCommand;
import dev.seqlab.cli.embeddings.EmbeddingsCommand;
import dev.seqlab.cli.fasttext.FastTextCommand;
import dev.seqlab.cli.glove.GloVeCommand;
import dev.seqlab.cli.info.InfoCommand;
import dev.seqlab.cli.jazz.JazzCommand;
import dev.seqlab.cli.onnx.OnnxCommand;
import dev.seqlab.cli.sentences.SentencesCommand;
import dev.seqlab.cli.text.TextCommand;
import dev.seqlab.cli.word2vec.Word2VecCommand;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * The top-level subcommands of {@code seqlab}, in the order {@code seqlab --help} lists them.
 * A new capability adds its parent command here with one line.
 */
public final class CommandRegistry {

    private CommandRegistry() {}

    /** New instances of every top-level subcommand. */
    public static List<Object> topLevelCommands() {
        return List.of(
                new DinosCommand(),
                new JazzCommand(),
                new DatesCommand(),
                new TextCommand(),
                new EmbeddingsCommand(),
                new Word2VecCommand(),
                new GloVeCommand(),
                new FastTextCommand(),
                new SentencesCommand(),
                new ClassifyCommand(),
                new OnnxCommand(),
                new InfoCommand());
    }

    /**
     * The top-level subcommands a command line needs: only the one it names when its first word
     * (after root flags such as {@code --verbose}) is a top-level command, else all of them. picocli
     * reflects over every command it is given, which costs a one-shot query hundreds of
     * milliseconds when all are built; the answers and messages are the same either way.
     */
    public static List<Object> topLevelCommandsFor(String[] args) {
        List<Object> all = topLevelCommands();
        String first =
                Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        if (first == null) {
            return all;
        }
        for (Object c : all) {
            Command command = c.getClass().getAnnotation(Command.class);
            if (command != null
                    && (command.name().equals(first)
                            || Arrays.asList(command.aliases()).contains(first))) {
                return List.of(c);
            }
        }
        return all;
    }
}
