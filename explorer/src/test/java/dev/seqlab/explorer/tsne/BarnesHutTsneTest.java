package dev.seqlab.explorer.tsne;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.progress.ProgressListener;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class BarnesHutTsneTest {

    @Test
    void keepsMostNearestNeighboursOfAClusteredSet() {
        ClusteredPoints data = ClusteredPoints.make(1000, 50, 10, 7);
        double[] xy = BarnesHutTsne.embed(
                data.x(), data.n(), data.dim(), TsneOptions.defaults().withIterations(500), ProgressListener.NONE);
        double kept = NeighbourPreservation.fraction(data.x(), data.n(), data.dim(), xy, 10);
        assertTrue(kept >= 0.5, "10-NN preserved: " + kept);
        // and the clusters come apart: each point's nearest map neighbour is of its own cluster
        assertTrue(ClusteredPoints.sameClusterNearest(xy, data.labels()) > 0.95);
    }

    @Test
    void exactAndBarnesHutRepulsionAgreeClosely() {
        ClusteredPoints data = ClusteredPoints.make(300, 20, 3, 3);
        TsneOptions o = TsneOptions.defaults().withIterations(300).withThreads(1);
        double[] exact = BarnesHutTsne.embed(data.x(), data.n(), data.dim(), o.withTheta(0), ProgressListener.NONE);
        double keptExact = NeighbourPreservation.fraction(data.x(), data.n(), data.dim(), exact, 10);
        double[] approx = BarnesHutTsne.embed(data.x(), data.n(), data.dim(), o, ProgressListener.NONE);
        double keptApprox = NeighbourPreservation.fraction(data.x(), data.n(), data.dim(), approx, 10);
        assertEquals(keptExact, keptApprox, 0.1, "exact " + keptExact + " vs theta 0.5 " + keptApprox);
    }

    @Test
    void sameSeedSameMapWhateverTheThreads() {
        ClusteredPoints data = ClusteredPoints.make(600, 10, 4, 5);
        TsneOptions o = TsneOptions.defaults().withIterations(60);
        double[] one = BarnesHutTsne.embed(data.x(), data.n(), data.dim(), o.withThreads(1), ProgressListener.NONE);
        double[] two = BarnesHutTsne.embed(data.x(), data.n(), data.dim(), o.withThreads(2), ProgressListener.NONE);
        assertArrayEquals(one, two, 1e-9);
    }

    @Test
    void tinyInputsAndBadSizes() {
        assertArrayEquals(
                new double[2], BarnesHutTsne.embed(new float[3], 1, 3, TsneOptions.defaults(), ProgressListener.NONE));
        double[] two = BarnesHutTsne.embed(
                new float[] {0, 0, 1, 1}, 2, 2, TsneOptions.defaults().withIterations(50), ProgressListener.NONE);
        assertTrue(Math.abs(two[0] - two[2]) + Math.abs(two[1] - two[3]) > 0);
        assertThrows(
                IllegalArgumentException.class,
                () -> BarnesHutTsne.embed(new float[5], 2, 3, TsneOptions.defaults(), ProgressListener.NONE));
        assertThrows(
                IllegalArgumentException.class, () -> TsneOptions.defaults().withPerplexity(0));
    }

    @Test
    void interruptionCancels() {
        ClusteredPoints data = ClusteredPoints.make(300, 5, 2, 1);
        Thread.currentThread().interrupt();
        try {
            assertThrows(
                    CancellationException.class,
                    () -> BarnesHutTsne.embed(
                            data.x(), data.n(), data.dim(), TsneOptions.defaults(), ProgressListener.NONE));
        } finally {
            Thread.interrupted();
        }
    }
}
