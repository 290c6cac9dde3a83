package dev.seqlab.generators.names;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.testing.Fuzzer;
import dev.seqlab.rnn.lm.TrainingData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutated names lists up to the model's vocabulary: only the documented one-line exceptions, bounded memory, no hang. */
class NamesFuzzTest {
    @TempDir
    Path dir;

    @Test
    void namesLists() throws Exception {
        List<byte[]> seeds = List.of(
                "Aachenosaurus\nAardonyx\nAbelisaurus\n\nZuniceratops\n".getBytes(StandardCharsets.UTF_8),
                "Pikachu\r\nÉvoli\r\n東京\r\n  Mew  \r\n".getBytes(StandardCharsets.UTF_8));
        Fuzzer.run(
                new Fuzzer.Target(
                        "names list",
                        seeds,
                        "fuzz-names.txt",
                        file -> TrainingData.lines(NameGenerator.readNames(file))
                                .vocabulary(),
                        // a list without a name is train()'s IllegalArgumentException, worded without the file
                        // (the command line prints it beside the --train FILE it was given)
                        List.of(MalformedFileException.class, IllegalArgumentException.class),
                        false),
                dir,
                41,
                Fuzzer.CASES);
    }
}
