package dev.seqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.cli.embeddings.EmbeddingsCommand;
import dev.seqlab.cli.info.InfoCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command line naming a top-level command builds only that one; anything else builds them all. */
class CommandRegistryTest {
    private static final int ALL = CommandRegistry.topLevelCommands().size();

    @Test
    void theNamedCommandAloneAfterRootFlags() {
        List<Object> one = CommandRegistry.topLevelCommandsFor(
                new String[] {"--verbose", "embeddings", "similar", "--vectors", "v.txt", "king"});
        assertEquals(1, one.size());
        assertInstanceOf(EmbeddingsCommand.class, one.get(0));
        assertInstanceOf(
                InfoCommand.class,
                CommandRegistry.topLevelCommandsFor(new String[] {"info"}).get(0));
    }

    @Test
    void allCommandsForHelpVersionOrAnUnknownWord() {
        assertEquals(ALL, CommandRegistry.topLevelCommandsFor(new String[] {}).size());
        assertEquals(
                ALL,
                CommandRegistry.topLevelCommandsFor(new String[] {"--help"}).size());
        assertEquals(
                ALL,
                CommandRegistry.topLevelCommandsFor(new String[] {"embedings", "similar"})
                        .size());
        assertEquals(
                ALL,
                CommandRegistry.topLevelCommandsFor(new String[] {"help", "info"})
                        .size());
    }

    @Test
    void aMisspelledCommandStillGetsSuggestionsFromAllCommands() {
        CliRun r = CliRun.of("embedings", "similar");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("embeddings"), r.err());
    }
}
