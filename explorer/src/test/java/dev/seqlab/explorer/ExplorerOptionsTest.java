package dev.seqlab.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seqlab.explorer.tsne.TsneOptions;
import org.junit.jupiter.api.Test;

class ExplorerOptionsTest {

    @Test
    void everyWitherSetsItsComponent() {
        ExplorerOptions o = ExplorerOptions.defaults()
                .withBind("0.0.0.0")
                .withPort(0)
                .withThreads(3)
                .withMaxQueryBytes(1000)
                .withMaxWordLength(20)
                .withMaxListSize(50)
                .withMaxTop(60)
                .withMaxMapPoints(70)
                .withMaxTsneJobs(2);
        assertEquals(new ExplorerOptions("0.0.0.0", 0, 3, 1000, 20, 50, 60, 70, 2), o);
        TsneOptions t = TsneOptions.defaults()
                .withPerplexity(10)
                .withIterations(20)
                .withTheta(0.3)
                .withLearningRate(100)
                .withExaggeration(4)
                .withExaggerationIterations(5)
                .withSeed(6)
                .withThreads(1);
        assertEquals(new TsneOptions(10, 20, 0.3, 100, 4, 5, 6, 1), t);
    }

    @Test
    void badValuesAreNamed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ExplorerOptions.defaults().withPort(70000));
        assertEquals("port must be in 0..65535, got 70000", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> ExplorerOptions.defaults().withMaxListSize(1));
        assertEquals("maxListSize must be at least 2, got 1", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> TsneOptions.defaults().withIterations(0));
        assertEquals("iterations must be at least 1, got 0", e.getMessage());
    }
}
