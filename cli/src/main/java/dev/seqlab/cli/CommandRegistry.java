package dev.seqlab.cli;

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
import java.util.List;

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
                new OnnxCommand(),
                new InfoCommand());
    }
}
