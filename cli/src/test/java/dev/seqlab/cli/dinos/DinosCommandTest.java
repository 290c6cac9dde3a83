package dev.seqlab.cli.dinos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DinosCommandTest {

    @AfterEach
    void clearHome() {
        System.clearProperty("seqlab.home");
    }

    @Test
    void defaultModelIsTrainedOnceThenCachedAndSeeded(@TempDir Path home) {
        System.setProperty("seqlab.home", home.toString());
        CliRun first = CliRun.of("dinos", "-n", "12", "--seed", "5");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("first run only"), first.err());
        assertEquals(12, first.out().lines().count(), first.out());
        first.out().lines().forEach(n -> assertTrue(n.matches("\\p{Lu}\\p{L}{0,24}"), n));
        assertTrue(Files.exists(home.resolve("models/dinos-v1/model.safetensors")));

        CliRun again = CliRun.of("dinos", "-n", "12", "--seed", "5");
        assertEquals(0, again.code(), again.err());
        assertEquals(first.out(), again.out(), "same seed, same names; loaded from the cache");
        assertTrue(again.err().isEmpty(), again.err());
    }

    @Test
    void trainOnAUsersListKeepTheModelAndPrintJson(@TempDir Path dir) throws Exception {
        StringBuilder list = new StringBuilder();
        String[] a = {"Bel", "Cor", "Dan", "Fen", "Gar", "Hol", "Mar", "Tor"};
        String[] b = {"ford", "wick", "ton", "bury", "ham", "mouth"};
        for (String x : a) {
            for (String y : b) {
                list.append(x).append(y).append('\n');
            }
        }
        Path names = Files.writeString(dir.resolve("towns.txt"), list);
        Path model = dir.resolve("towns-model");
        CliRun r = CliRun.of(
                "dinos", "--train", names.toString(), "--model", model.toString(), "-n", "5", "--seed", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = Json.mapper().readTree(r.out());
        assertEquals(5, doc.get("names").size());
        assertEquals(2, doc.get("seed").asLong());
        CliRun reuse = CliRun.of("dinos", "--model", model.toString(), "-n", "5", "--seed", "2", "--json");
        assertEquals(doc.get("names"), Json.mapper().readTree(reuse.out()).get("names"));
    }

    @Test
    void badListsAndOptionsAreOneLineExit2(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n\n");
        CliRun e = CliRun.of("dinos", "--train", empty.toString());
        assertEquals(2, e.code());
        assertEquals("seqlab: the names list is empty", e.err().strip());
        Path digits = Files.writeString(dir.resolve("d.txt"), "123\n45\n");
        CliRun d = CliRun.of("dinos", "--train", digits.toString());
        assertEquals(2, d.code());
        assertTrue(d.err().contains("no letters"), d.err());
        CliRun missing = CliRun.of("dinos", "--train", dir.resolve("nope.txt").toString());
        assertEquals(2, missing.code());
        CliRun badT = CliRun.of("dinos", "--temperature", "0", "--model", dir.toString());
        assertEquals(2, badT.code());
        assertTrue(badT.err().contains("temperature"), badT.err());
    }
}
