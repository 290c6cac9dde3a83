package dev.seqlab.cli.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.cli.CliRun;
import dev.seqlab.cli.training.Checkpointing;
import dev.seqlab.cli.training.StopOnSignal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seqlab text train} stopped in-process after a few batches (as SIGINT would stop it) exits
 * 130 with a checkpoint beside the model directory and the command that continues, leaves an
 * existing model directory as it was, and {@code --resume} (stopped once more, then run to the
 * end) writes the same model.safetensors bytes as a run that was never stopped.
 */
class TextTrainResumeTest {
    @TempDir
    Path dir;

    private Path input() throws IOException {
        SplittableRandom rnd = new SplittableRandom(7);
        String[] words = {"alpha", "beta", "gamma", "delta", "epsilon"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            sb.append(words[rnd.nextInt(words.length)]).append(rnd.nextInt(6) == 0 ? ".\n" : " ");
        }
        return Files.writeString(dir.resolve("book.txt"), sb.toString());
    }

    /** A small two-layer GRU with dropout and a decaying rate, so every kind of state has to survive a resume. */
    private static final String OPTIONS =
            "--cell gru --hidden 16 --layers 2 --dropout 0.2 --seq-length 25 --batch 8 --epochs 3 --lr-decay 0.9 --seed 3";

    private static String[] train(Path input, Path model, String... extra) {
        List<String> args =
                new ArrayList<>(List.of("text", "train", "--input", input.toString(), "--model", model.toString()));
        args.addAll(List.of(OPTIONS.split(" ")));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Runs {@code args} with a stop requested once {@code steps} batches are done. */
    private static CliRun stoppedAfter(int steps, String... args) {
        AtomicInteger asked = new AtomicInteger();
        try (StopOnSignal.Extra stop = StopOnSignal.alsoWhen(() -> asked.incrementAndGet() > steps)) {
            return CliRun.of(args);
        }
    }

    private static List<String> listing(Path d) throws IOException {
        try (var files = Files.list(d)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void stoppedAndResumedGivesTheBytesOfAnUninterruptedRun() throws IOException {
        Path input = input();
        Path reference = dir.resolve("reference");
        CliRun straight = CliRun.of(train(input, reference));
        assertEquals(0, straight.code(), straight.err());

        Path model = dir.resolve("model");
        Files.createDirectories(model);
        Files.writeString(model.resolve("model.safetensors"), "the user's previous weights");
        Files.writeString(model.resolve("config.json"), "{\"previous\": true}");
        Path checkpoint = Checkpointing.checkpointFor(model);

        CliRun first = stoppedAfter(5, train(input, model));
        assertEquals(Checkpointing.STOPPED, first.code(), first.err());
        assertTrue(first.err().contains("training stopped after 5 of "), first.err());
        assertTrue(
                first.err().contains("to continue: seqlab text train --input " + input)
                        && first.err().strip().endsWith("--resume"),
                first.err());
        assertEquals("the user's previous weights", Files.readString(model.resolve("model.safetensors")));
        assertEquals("{\"previous\": true}", Files.readString(model.resolve("config.json")));
        assertEquals(List.of("config.json", "model.safetensors"), listing(model), "nothing else written into DIR");
        assertTrue(Files.size(checkpoint) > 0, "checkpoint beside the model directory");

        CliRun second = stoppedAfter(4, train(input, model, "--resume"));
        assertEquals(Checkpointing.STOPPED, second.code(), second.err());
        assertTrue(second.err().contains("training stopped after 9 of "), second.err());
        assertEquals("the user's previous weights", Files.readString(model.resolve("model.safetensors")));

        CliRun resumed = CliRun.of(train(input, model, "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertArrayEquals(
                Files.readAllBytes(reference.resolve("model.safetensors")),
                Files.readAllBytes(model.resolve("model.safetensors")),
                "resumed = uninterrupted, byte for byte");
        assertArrayEquals(
                Files.readAllBytes(reference.resolve("config.json")), Files.readAllBytes(model.resolve("config.json")));
        assertFalse(Files.exists(checkpoint), "the checkpoint is removed once the model is written");
        assertEquals(List.of("book.txt", "model", "reference"), listing(dir), "no temporary files left");
    }

    @Test
    void resumeWithoutACheckpointIsOneLineAndExit2() throws IOException {
        CliRun r = CliRun.of(train(input(), dir.resolve("model"), "--resume"));
        CliRun.assertOneLineExit2(r, "no checkpoint to resume from");
    }
}
