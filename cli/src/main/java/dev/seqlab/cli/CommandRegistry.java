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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

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

    /**
     * The top-level commands of {@link #topLevelCommandsFor}, where the one a command line names is
     * followed at once by one of its own subcommands, with that subcommand alone under it: picocli
     * builds every subcommand a parent lists (the twelve of {@code embeddings} cost a one-shot query
     * more than its search), and a parent followed by a subcommand name never shows its own help
     * or suggestions, so nothing a user sees changes. Anything else is returned as it is. The
     * subcommand's {@link CliCommand#startEarly(List)} is called once it is built.
     */
    public static List<Object> commandsFor(String[] args) {
        List<Object> top = topLevelCommandsFor(args);
        if (top.size() != 1) {
            return top;
        }
        Object parent = top.get(0);
        Command command = parent.getClass().getAnnotation(Command.class);
        int at = Arrays.asList(args).indexOf(command.name());
        if (at < 0 || at + 1 >= args.length || command.subcommands().length < 2) {
            return top;
        }
        for (Class<?> sub : command.subcommands()) {
            Command subCommand = sub.getAnnotation(Command.class);
            if (subCommand != null && named(subCommand, args[at + 1])) {
                return List.of(withOnly(parent, command, sub, subCommand, args));
            }
        }
        return top;
    }

    private static boolean named(Command command, String word) {
        return command.name().equals(word) || Arrays.asList(command.aliases()).contains(word);
    }

    /** {@code parent} (not inspected, so its other subcommands are never built) over {@code sub} alone. */
    private static CommandLine withOnly(
            Object parent, Command command, Class<?> sub, Command subCommand, String[] args) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(parent);
        spec.name(command.name())
                .aliases(command.aliases())
                .mixinStandardHelpOptions(command.mixinStandardHelpOptions());
        CommandLine cl = new CommandLine(spec);
        Object instance;
        try {
            instance = CommandLine.defaultFactory().create(sub);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the command " + sub.getName(), e);
        }
        if (instance instanceof CliCommand c) {
            c.startEarly(List.of(args));
        }
        cl.addSubcommand(subCommand.name(), new CommandLine(instance), subCommand.aliases());
        return cl;
    }
}
