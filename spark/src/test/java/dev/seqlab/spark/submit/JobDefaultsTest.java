package dev.seqlab.spark.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.embeddings.glove.GloVeOptions;
import dev.seqlab.embeddings.word2vec.Word2VecOptions;
import dev.seqlab.spark.glove.SparkGloVeOptions;
import dev.seqlab.spark.word2vec.SparkWord2VecOptions;
import dev.seqlab.spark.word2vec.Synchronisation;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The jobs' defaults are the options records' (no Spark started). */
class JobDefaultsTest {
    private static final String[] REQUIRED = {"--corpus", "c.txt", "--out", "v.txt"};

    @Test
    void word2vecWithoutOptionsTrainsWithTheRecordsDefaults() {
        Word2VecJob job = new Word2VecJob();
        new CommandLine(job).parseArgs(REQUIRED);
        assertEquals(SparkWord2VecOptions.defaults(), job.options());
    }

    @Test
    void gloveWithoutOptionsTrainsWithTheRecordsDefaults() {
        GloVeJob job = new GloVeJob();
        new CommandLine(job).parseArgs(REQUIRED);
        assertEquals(SparkGloVeOptions.defaults(), job.options());
    }

    @Test
    void givenOptionsWinAndHelpShowsTheRecordsDefaults() {
        Word2VecJob job = new Word2VecJob();
        new CommandLine(job)
                .parseArgs("--corpus", "c", "--out", "v", "--dim", "7", "--sync", "sum", "--rounds", "9", "--hs");
        assertEquals(7, job.options().word2vec().dim());
        assertTrue(job.options().word2vec().hierarchicalSoftmax());
        assertEquals(Synchronisation.SUM, job.options().synchronisation());
        assertEquals(9, job.options().roundsPerEpoch());

        String help = new CommandLine(new Word2VecJob()).getUsageMessage();
        assertTrue(
                help.contains("(default: "
                        + RecordDefaults.show(Word2VecOptions.defaults().sample()) + ")"),
                help);
        assertTrue(help.contains("(default: bmuf)"), help);
        String gloveHelp = new CommandLine(new GloVeJob()).getUsageMessage();
        assertTrue(gloveHelp.contains("(default: " + GloVeOptions.defaults().iterations() + ")"), gloveHelp);
    }

    @Test
    void blockMomentumOptionsReachTheRecordWhichRejectsBadValues() {
        Word2VecJob job = new Word2VecJob();
        new CommandLine(job)
                .parseArgs(
                        "--corpus",
                        "c",
                        "--out",
                        "v",
                        "--sync",
                        "bmuf",
                        "--block-momentum",
                        "0.8",
                        "--block-rate",
                        "1.5");
        SparkWord2VecOptions o = job.options();
        assertEquals(Synchronisation.BMUF, o.synchronisation());
        assertEquals(0.8, o.blockMomentum(4), 1e-12);
        assertEquals(1.5, o.blockRate(), 1e-12);
        assertEquals(0.75, SparkWord2VecOptions.defaults().blockMomentum(4), 1e-12, "0 means 1 - 1/P");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkWord2VecOptions.defaults()
                .withBlockMomentum(1));
        assertTrue(e.getMessage().contains("blockMomentum") && e.getMessage().contains("1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SparkWord2VecOptions.defaults()
                .withBlockRate(0));
        assertTrue(e.getMessage().contains("blockRate") && e.getMessage().contains("0.0"), e.getMessage());
    }

    @Test
    void componentNamesAndValuesAsOptionsTakeThem() {
        assertEquals("minCount", RecordDefaults.camel("min-count"));
        assertEquals("0.001", RecordDefaults.show(1e-3));
        assertEquals("100", RecordDefaults.show(100.0));
        assertEquals("touched-average", RecordDefaults.show(Synchronisation.TOUCHED_AVERAGE));
    }
}
