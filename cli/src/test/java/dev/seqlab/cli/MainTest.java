package dev.seqlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.core.io.MalformedFileException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class MainTest {

    /** Output of one run. */
    record Result(int code, String out, String err) {}

    static Result run(CommandLine cl, StringWriter out, StringWriter err, String... args) {
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static Result run(String... args) {
        CliRun r = CliRun.of(args);
        return new Result(r.code(), r.out(), r.err());
    }

    /** A command that fails in the way its option says, to exercise the error conventions. */
    @Command(name = "fail")
    static final class FailingCommand extends CliCommand {
        @Option(names = "--with")
        String kind;

        @Override
        protected int run() throws Exception {
            switch (kind) {
                case "missing":
                    throw new NoSuchFileException("/no/such/vectors.txt");
                case "malformed":
                    throw new MalformedFileException(Path.of("v.txt"), 17, "expected 100 numbers, found 99");
                case "argument":
                    throw new IllegalArgumentException("unknown word 'kingg'; did you mean: king, kings?");
                case "bug":
                    throw new IllegalStateException("invariant broken");
                default:
                    out().println("fine");
                    return 0;
            }
        }
    }

    static Result runFailing(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<Object> subs = new ArrayList<>(CommandRegistry.topLevelCommands());
        subs.add(new FailingCommand());
        CommandLine cl = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), subs);
        return run(cl, out, err, args);
    }

    @AfterEach
    void quiet() {
        Verbosity.set(false);
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        Result r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: seqlab"), r.out());
        assertTrue(r.out().contains("info"), r.out());
        assertTrue(r.out().contains("Exit status"), r.out());
    }

    @Test
    void noArgumentsPrintsUsage() {
        Result r = run();
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: seqlab"));
    }

    @Test
    void versionNamesProjectAndJava() {
        Result r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("seqlab "), r.out());
        assertFalse(r.out().contains("${"), "version must be filtered by Maven: " + r.out());
    }

    @Test
    void unknownOptionIsBadUsage() {
        Result r = run("--bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("seqlab: Unknown option: '--bogus'"), r.err());
        assertTrue(r.err().lines().count() <= 3, r.err());
    }

    @Test
    void misspelledCommandSuggestsTheRightOne() {
        Result r = run("inf");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("seqlab info"), r.err());
    }

    @Test
    void infoJsonIsOneDocument() throws Exception {
        Result r = run("info", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = Json.mapper().readTree(r.out());
        assertEquals(
                Runtime.getRuntime().availableProcessors(), n.get("processors").asInt());
        assertTrue(n.get("kernels").asText().matches("plain|vector"));
    }

    @Test
    void missingFileIsOneLineAndExit2() {
        Result r = runFailing("fail", "--with", "missing");
        assertEquals(2, r.code());
        assertEquals("seqlab: no such file: /no/such/vectors.txt", r.err().strip());
    }

    @Test
    void malformedFileNamesFileAndLine() {
        Result r = runFailing("fail", "--with", "malformed");
        assertEquals(2, r.code());
        assertEquals("seqlab: v.txt:17: expected 100 numbers, found 99", r.err().strip());
    }

    @Test
    void badArgumentIsExit2WithoutStackTrace() {
        Result r = runFailing("fail", "--with", "argument");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("at dev.seqlab"), r.err());
    }

    @Test
    void internalErrorIsExit1AndPointsToVerbose() {
        Result r = runFailing("fail", "--with", "bug");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("seqlab: error: invariant broken"), r.err());
        assertTrue(r.err().contains("--verbose"), r.err());
        assertFalse(r.err().contains("at dev.seqlab"), r.err());
    }

    @Test
    void verboseShowsTheStackTrace() {
        Result r = runFailing("fail", "--verbose", "--with", "argument");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at dev.seqlab.cli.MainTest$FailingCommand.run"), r.err());
    }

    @Test
    void successIsExit0() {
        Result r = runFailing("fail", "--with", "nothing");
        assertEquals(0, r.code());
        assertEquals("fine", r.out().strip());
        assertEquals("", r.err());
    }
}
