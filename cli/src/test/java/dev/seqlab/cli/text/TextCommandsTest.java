package dev.seqlab.cli.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCommandsTest {

    private static String text() {
        StringBuilder sb = new StringBuilder();
        String[] words = {"alpha", "beta", "gamma", "delta"};
        for (int i = 0; i < 300; i++) {
            sb.append(words[i % 4]).append(i % 7 == 0 ? ".\n" : " ");
        }
        return sb.toString();
    }

    @Test
    void trainThenSampleReproducibly(@TempDir Path dir) throws Exception {
        Path input = Files.writeString(dir.resolve("book.txt"), text());
        Path model = dir.resolve("model");
        CliRun train = CliRun.of(
                "text",
                "train",
                "--input",
                input.toString(),
                "--model",
                model.toString(),
                "--hidden",
                "24",
                "--layers",
                "1",
                "--epochs",
                "3",
                "--seq-length",
                "30",
                "--batch",
                "8",
                "--json");
        assertEquals(0, train.code(), train.err());
        JsonNode summary = Json.mapper().readTree(train.out());
        for (String field : new String[] {"train_loss", "val_loss", "chars_per_s", "seconds"}) {
            assertTrue(summary.has(field), field + " in " + train.out());
        }
        // below the uniform baseline log(V)
        assertTrue(
                summary.get("train_loss").asDouble()
                        < Math.log(summary.get("vocabulary").asInt()),
                train.out());
        assertTrue(Files.exists(model.resolve("model.safetensors")) && Files.exists(model.resolve("config.json")));
        assertTrue(ImageIO.read(model.resolve("loss.png").toFile()).getWidth() > 0, "loss curve written");

        CliRun a = CliRun.of(
                "text", "sample", "--model", model.toString(), "--prime", "alpha ", "--length", "50", "--seed", "3");
        CliRun b = CliRun.of(
                "text", "sample", "--model", model.toString(), "--prime", "alpha ", "--length", "50", "--seed", "3");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        assertTrue(a.out().startsWith("alpha "));
        assertEquals(56 + 1, a.out().length(), "prime, 50 characters and a newline: " + a.out());
    }

    @Test
    void badInputsAreOneLineAndExit2(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.of(
                "text",
                "train",
                "--input",
                dir.resolve("nope.txt").toString(),
                "--model",
                dir.resolve("m").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("seqlab: no such file"), missing.err());

        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        CliRun e = CliRun.of(
                "text",
                "train",
                "--input",
                empty.toString(),
                "--model",
                dir.resolve("m").toString());
        assertEquals(2, e.code());
        assertTrue(e.err().contains("empty"), e.err());

        Path binary = Files.write(dir.resolve("bin.txt"), new byte[] {(byte) 0xC3, (byte) 0x28, 0x41});
        CliRun bin = CliRun.of(
                "text",
                "train",
                "--input",
                binary.toString(),
                "--model",
                dir.resolve("m").toString());
        assertEquals(2, bin.code());
        assertTrue(bin.err().contains("not UTF-8"), bin.err());

        CliRun noModel =
                CliRun.of("text", "sample", "--model", dir.resolve("absent").toString());
        assertEquals(2, noModel.code());
        assertEquals(1, noModel.err().strip().lines().count(), noModel.err());

        CliRun badOpt = CliRun.of("text", "train", "--input", "x", "--model", "m", "--hidden", "0");
        assertEquals(2, badOpt.code());
        assertTrue(badOpt.err().contains("hidden size"), badOpt.err());
    }
}
