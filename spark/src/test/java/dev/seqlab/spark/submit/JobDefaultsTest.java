package dev.seqlab.spark.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(help.contains("(default: scaled-sum)"), help);
        String gloveHelp = new CommandLine(new GloVeJob()).getUsageMessage();
        assertTrue(gloveHelp.contains("(default: " + GloVeOptions.defaults().iterations() + ")"), gloveHelp);
    }

    @Test
    void componentNamesAndValuesAsOptionsTakeThem() {
        assertEquals("minCount", RecordDefaults.camel("min-count"));
        assertEquals("0.001", RecordDefaults.show(1e-3));
        assertEquals("100", RecordDefaults.show(100.0));
        assertEquals("touched-average", RecordDefaults.show(Synchronisation.TOUCHED_AVERAGE));
    }
}
