package dev.seqlab.generators.dates;

import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.core.testing.Fuzzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated date inputs, one per line as {@code seqlab dates} reads them (bytes decoded as UTF-8
 * with replacement), into a barely trained normaliser: an answer or a one-line
 * IllegalArgumentException for every line, no hang.
 */
class DateInputFuzzTest {
    @TempDir
    Path dir;

    @Test
    void dateInputs() throws Exception {
        // one training step: the input handling is what is fuzzed, not the model's accuracy
        DateNormalizer normalizer =
                DateNormalizer.train(DateNormalizer.Training.defaults().withSize(64, 1), ProgressListener.NONE);
        List<byte[]> seeds = new ArrayList<>();
        for (String s : List.of(
                "3 May 1979",
                "5/30/1968",
                "Tuesday, March 4 2003",
                "1 JANUARY 2001",
                "  12.11.1999 ",
                "2019-02-28",
                "le 3 mai 1979",
                "march 4th, 2003")) {
            seeds.add(s.getBytes(StandardCharsets.UTF_8));
        }
        Fuzzer.run(
                new Fuzzer.Target(
                        "date inputs",
                        seeds,
                        "fuzz-dates.txt",
                        file -> {
                            for (String line :
                                    new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1)) {
                                normalizer.normalize(line);
                            }
                        },
                        List.of(IllegalArgumentException.class),
                        false),
                dir,
                51,
                Fuzzer.CASES);
    }
}
