package dev.seqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.cli.embeddings.EmbeddingsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A command line naming a parent and one of its subcommands builds that subcommand alone under the
 * parent, and prints exactly what the whole tree prints.
 */
class SubcommandPruningTest {

    @Test
    void aParentFollowedByItsSubcommandKeepsOnlyThatOne() {
        List<Object> built = CommandRegistry.commandsFor(
                new String[] {"--verbose", "embeddings", "similar", "--vectors", "v.txt", "king"});
        assertEquals(1, built.size());
        CommandLine parent = assertInstanceOf(CommandLine.class, built.get(0));
        assertEquals("embeddings", parent.getCommandName());
        assertInstanceOf(EmbeddingsCommand.class, parent.getCommand());
        assertEquals(Set.of("similar"), parent.getSubcommands().keySet());
    }

    @Test
    void anythingElseBuildsTheWholeParent() {
        for (String[] args : List.of(
                new String[] {"embeddings", "--help"},
                new String[] {"embeddings"},
                new String[] {"embeddings", "simlar", "--vectors", "v.txt", "king"},
                new String[] {"embeddings", "--verbose", "similar"})) {
            List<Object> built = CommandRegistry.commandsFor(args);
            assertEquals(1, built.size());
            assertInstanceOf(EmbeddingsCommand.class, built.get(0), String.join(" ", args));
        }
        assertTrue(CommandRegistry.commandsFor(new String[] {"--help"}).size() > 1);
    }

    @Test
    void helpAndErrorsAreTheSameAsFromTheWholeTree() {
        for (String[] args : List.of(
                new String[] {"embeddings", "similar", "--help"},
                new String[] {"embeddings", "analogy", "--help"},
                new String[] {"embeddings", "similar", "--no-such-option", "king"},
                new String[] {"embeddings", "similar", "king"},
                new String[] {"embeddings", "similar", "--vectors", "/no/such/file.txt", "king"})) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute(args);
            CliRun pruned = CliRun.of(args);
            assertEquals(code, pruned.code(), String.join(" ", args));
            assertEquals(out.toString(), pruned.out(), String.join(" ", args));
            assertEquals(err.toString(), pruned.err(), String.join(" ", args));
        }
    }
}
