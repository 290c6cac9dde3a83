package dev.seqlab.core.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.core.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void keepsOrderAndCounts() {
        Parameters ps = Parameters.of(Parameter.zeros("W", 4, 3), Parameter.zeros("b", 4));
        assertEquals(List.of("W", "b"), ps.list().stream().map(Parameter::name).toList());
        assertEquals(2, ps.count());
        assertEquals(16, ps.totalSize());
        assertArrayEquals(new int[] {4, 3}, ps.get("W").grad().shape());
    }

    @Test
    void rejectsDuplicatesAndUnknownNames() {
        Parameters ps = Parameters.of(Parameter.zeros("W", 2));
        IllegalArgumentException dup =
                assertThrows(IllegalArgumentException.class, () -> ps.add(Parameter.zeros("W", 3)));
        assertTrue(dup.getMessage().contains("duplicate"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ps.get("V"));
        assertTrue(unknown.getMessage().contains("[W]"), unknown.getMessage());
    }

    @Test
    void zeroGradsAndLoad() {
        Parameter w = Parameter.zeros("W", 2);
        w.grad().fill(3f);
        Parameters ps = Parameters.of(w);
        ps.zeroGrads();
        assertArrayEquals(new float[] {0f, 0f}, w.grad().data());
        ps.load(Map.of("W", Tensor.of(new float[] {1f, 2f}, 2)));
        assertArrayEquals(new float[] {1f, 2f}, w.value().data());
        assertThrows(IllegalArgumentException.class, () -> ps.load(Map.of("W", Tensor.zeros(3))));
        assertThrows(IllegalArgumentException.class, () -> ps.load(Map.of()));
    }

    @Test
    void aSnapshotIsACopyThatRestoreWritesBack() {
        Parameter w = Parameter.of("W", Tensor.of(new float[] {1f, 2f}, 2));
        Parameters ps = Parameters.of(w, Parameter.zeros("b", 1));
        float[][] s = ps.snapshot();
        w.value().data()[0] = 9f;
        assertArrayEquals(new float[] {1f, 2f}, s[0]);
        ps.restore(s);
        assertArrayEquals(new float[] {1f, 2f}, w.value().data());
        assertThrows(IllegalArgumentException.class, () -> ps.restore(new float[][] {{1f, 2f}}));
        assertThrows(IllegalArgumentException.class, () -> ps.restore(new float[][] {{1f}, {0f}}));
    }
}
