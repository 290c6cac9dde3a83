package dev.seqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command list that {@code --help} prints shows each command's whole one-line summary: the
 * command's first description line, a sentence ending in a full stop, never cut mid-sentence.
 */
class HelpSummaryTest {

    /** The "Commands:" section of a help text: name to its summary, wrapped lines joined. */
    static Map<String, String> commandSummaries(String help) {
        Map<String, String> summaries = new LinkedHashMap<>();
        String current = null;
        boolean inCommands = false;
        for (String line : help.split("\\R")) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isBlank()) {
                break;
            } else if (inCommands && line.matches("  \\S.*")) {
                String[] parts = line.trim().split("\\s{2,}", 2);
                current = parts[0];
                summaries.put(current, parts.length > 1 ? parts[1].trim() : "");
            } else if (inCommands && current != null) {
                summaries.put(current, summaries.get(current) + " " + line.trim());
            }
        }
        return summaries;
    }

    private static String help(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.add("--help");
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    private static void checkCommandList(CommandLine parent, List<String> path) {
        if (parent.getSubcommands().isEmpty()) {
            return;
        }
        Map<String, String> shown = commandSummaries(help(path.toArray(String[]::new)));
        assertFalse(shown.isEmpty(), "no command list in the help of " + path);
        for (Map.Entry<String, CommandLine> e : parent.getSubcommands().entrySet()) {
            String[] description = e.getValue().getCommandSpec().usageMessage().description();
            String first = description.length > 0
                    ? description[0]
                    : e.getValue().getCommandSpec().usageMessage().header()[0];
            String summary = shown.get(e.getKey());
            assertEquals(first, summary, "summary of " + path + " " + e.getKey());
            assertTrue(
                    summary.endsWith("."),
                    "summary of " + path + " " + e.getKey() + " is not a whole sentence: " + summary);
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            checkCommandList(e.getValue(), sub);
        }
    }

    @Test
    void everyCommandListShowsWholeSummaries() {
        checkCommandList(
                Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), List.of());
    }

    @Test
    void parsesWrappedSummaries() {
        String help = "Usage: x\nCommands:\n  a    First line of a\n         continued.\n  bb   Whole.\n\nExamples:\n";
        assertEquals(Map.of("a", "First line of a continued.", "bb", "Whole."), commandSummaries(help));
    }
}
