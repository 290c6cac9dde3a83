package dev.seqlab.cli.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.cli.Main;
import dev.seqlab.cli.progress.ConsoleProgress;
import dev.seqlab.cli.training.Checkpointing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code seqlab word2vec} process sent SIGTERM in the middle of training: it exits 130
 * with a checkpoint and the resume command, leaves an existing output file as it was, and
 * {@code --resume} then writes the same bytes as a run that was never stopped (one thread).
 * Word2VecResumeTest covers the trainer's side in-process; this one proves the signal wiring.
 */
class Word2VecSignalTest {
    @TempDir
    Path dir;

    /** About 1.2 million tokens over 3,000 word types, Zipf-like: ~10 s of one-thread training. */
    private Path corpus() throws IOException {
        SplittableRandom rnd = new SplittableRandom(17);
        List<String> lines = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < 60_000; s++) {
            sb.setLength(0);
            for (int i = 0; i < 20; i++) {
                sb.append(i == 0 ? "" : " ").append('w').append((int) Math.pow(3000, rnd.nextDouble()));
            }
            lines.add(sb.toString());
        }
        return Files.write(dir.resolve("corpus.txt"), lines);
    }

    private static ProcessBuilder seqlab(Path out, Path corpus, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "word2vec",
                "--corpus",
                corpus.toString(),
                "--out",
                out.toString(),
                "--tokenizer",
                "whitespace",
                "--dim",
                "40",
                "--epochs",
                "4",
                "--min-count",
                "1",
                "--threads",
                "1",
                "--seed",
                "3"));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SEQLAB_PROGRESS", "lines");
        // a progress line every 100 ms, so one is seen while training runs however fast the machine
        pb.environment().put(ConsoleProgress.INTERVAL_VARIABLE, "100");
        return pb;
    }

    /** Runs to the end; returns stderr. */
    private static String run(ProcessBuilder pb, int expectedCode) throws Exception {
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(expectedCode, p.exitValue(), text);
        return text;
    }

    @Test
    void sigtermStopsWithACheckpointAndResumeGivesTheSameBytes() throws Exception {
        Path corpus = corpus();
        Path reference = dir.resolve("reference.bin");
        run(seqlab(reference, corpus), 0);

        Path out = dir.resolve("vectors.bin");
        Files.writeString(out, "the user's previous vectors");
        Process p = seqlab(out, corpus)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
        CountDownLatch training = new CountDownLatch(1);
        StringBuilder log = new StringBuilder();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    if (line.contains("Training skip-gram") && !line.contains("done")) {
                        training.countDown(); // a progress line: the handler is installed and jobs are running
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(training.await(3, TimeUnit.MINUTES), "no training progress seen: " + log);
        p.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "did not stop after SIGTERM");
        reader.get(1, TimeUnit.MINUTES);
        String stopped = log.toString();
        assertEquals(Checkpointing.STOPPED, p.exitValue(), stopped);
        assertTrue(stopped.contains("SIGTERM: stopping after the current step"), stopped);
        assertTrue(
                stopped.contains("to continue: seqlab word2vec --corpus " + corpus) && stopped.contains("--resume"),
                stopped);
        assertEquals("the user's previous vectors", Files.readString(out), "the output is untouched");
        Path checkpoint = Checkpointing.checkpointFor(out);
        assertTrue(Files.size(checkpoint) > 0);

        run(seqlab(out, corpus, "--resume"), 0);
        assertArrayEquals(
                Files.readAllBytes(reference), Files.readAllBytes(out), "resumed = uninterrupted, byte for byte");
        assertFalse(Files.exists(checkpoint), "the checkpoint is removed once the output is written");
        try (var files = Files.list(dir)) {
            assertEquals(
                    List.of("corpus.txt", "reference.bin", "vectors.bin"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no temporary files left");
        }
    }
}
