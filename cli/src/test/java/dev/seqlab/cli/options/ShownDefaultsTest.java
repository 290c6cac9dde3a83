package dev.seqlab.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.cli.CliRun;
import dev.seqlab.embeddings.glove.GloVeOptions;
import dev.seqlab.embeddings.word2vec.Word2VecOptions;
import dev.seqlab.rnn.lm.CharModelOptions;
import dev.seqlab.rnn.lm.SamplingOptions;
import org.junit.jupiter.api.Test;

/** {@code --help} shows the defaults of the options records, and no option repeats one. */
class ShownDefaultsTest {

    private static String help(String... command) {
        String[] args = new String[command.length + 1];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "--help";
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), r.err());
        String flat = r.out().replaceAll("\\s+", " ");
        assertFalse(flat.contains("${"), "an unresolved variable in: " + flat);
        return flat;
    }

    @Test
    void word2vecShowsItsRecordsDefaults() {
        Word2VecOptions d = Word2VecOptions.defaults();
        String help = help("word2vec");
        assertTrue(help.contains("--dim=N Vector dimension (default: " + d.dim() + ")"), help);
        assertTrue(help.contains("(default: " + d.epochs() + ")"), help);
        assertTrue(help.contains("(default: 0.025 skip-gram, 0.05 CBOW"), help);
        assertTrue(help.contains("epochs (default: 0.0001)"), help);
        assertTrue(help.contains("--min-count=N Ignore words seen fewer times (default: " + d.minCount() + ")"), help);
    }

    @Test
    void gloveShowsItsIterationsAsEpochs() {
        String help = help("glove");
        assertTrue(
                help.contains("Passes over the training data (default: "
                        + GloVeOptions.defaults().iterations() + ")"),
                help);
    }

    @Test
    void textCommandsShowTheModelTrainingAndSamplingDefaults() {
        String train = help("text", "train");
        assertTrue(
                train.contains("Recurrent cell (default: "
                        + CharModelOptions.defaults().cell().name().toLowerCase() + ")"),
                train);
        assertTrue(
                train.contains("Units per layer (default: "
                        + CharModelOptions.defaults().hidden() + ")"),
                train);
        assertTrue(train.contains("Adam learning rate (default: 0.002)"), train);
        String sample = help("text", "sample");
        assertTrue(
                sample.contains("Characters to generate (default: "
                        + SamplingOptions.defaults().length() + ")"),
                sample);
    }

    @Test
    void everyCommandsHelpResolvesItsDefaults() {
        for (String[] c : new String[][] {
            {"embeddings", "evaluate"},
            {"embeddings", "similar"},
            {"dinos"},
            {"jazz"},
            {"dates"},
            {"sentences", "similar"},
            {"info"}
        }) {
            help(c);
        }
    }
}
