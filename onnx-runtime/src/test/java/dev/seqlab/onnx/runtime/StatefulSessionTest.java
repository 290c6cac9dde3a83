package dev.seqlab.onnx.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.graph.GraphBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Carrying outputs into the next call's inputs, on a running sum: s' = s + x, y = 2 s'. */
class StatefulSessionTest {

    private static OnnxModel runningSum() {
        GraphBuilder g = new GraphBuilder("running-sum");
        g.input("x", GraphBuilder.FLOAT, "batch", 2);
        g.input("s", GraphBuilder.FLOAT, "batch", 2);
        g.floats("two", new float[] {2f}, 1);
        g.node("Add", "s", "x").output("s_out");
        g.node("Mul", "s_out", "two").output("y");
        g.output("s_out", GraphBuilder.FLOAT, "batch", 2);
        g.output("y", GraphBuilder.FLOAT, "batch", 2);
        return OnnxModel.fromBytes(g.build(14, "test").toByteArray(), "running-sum", SessionOptions.threads(1));
    }

    private static Map<String, HostTensor> x(float a, float b) {
        return Map.of("x", HostTensor.floats(new float[] {a, b}, 1, 2));
    }

    @Test
    void eachCallStartsFromThePreviousCallsState() {
        try (OnnxModel m = runningSum()) {
            StatefulSession s = StatefulSession.of(
                    m, Map.of("s_out", "s"), Map.of("s", HostTensor.floats(new float[] {10f, -1f}, 1, 2)));
            assertArrayEquals(new float[] {22f, 0f}, s.step(x(1f, 1f)).get("y").floats());
            assertArrayEquals(new float[] {26f, 4f}, s.step(x(2f, 2f)).get("y").floats());
            assertArrayEquals(new float[] {13f, 2f}, s.state("s").floats());
            s.reset();
            assertArrayEquals(new float[] {10f, -1f}, s.state("s").floats());
            assertArrayEquals(new float[] {20f, 4f}, s.step(x(0f, 3f)).get("y").floats());
        }
    }

    @Test
    void mistakesNameTheInputOrOutput() {
        try (OnnxModel m = runningSum()) {
            HostTensor zero = HostTensor.zeros(1, 2);
            assertMessage(() -> StatefulSession.of(m, Map.of("nope", "s"), Map.of("s", zero)), "nope");
            assertMessage(() -> StatefulSession.of(m, Map.of("s_out", "t"), Map.of("t", zero)), "'t'");
            assertMessage(
                    () -> StatefulSession.of(m, Map.of("s_out", "s"), Map.of()),
                    "no initial value for the carried input 's'");
            assertMessage(
                    () -> StatefulSession.of(m, Map.of("s_out", "s"), Map.of("s", zero, "x", zero)),
                    "'x' has an initial value but is not a carried input");
            assertMessage(
                    () -> StatefulSession.of(m, Map.of("s_out", "s"), Map.of("s", HostTensor.zeros(1, 3))),
                    "the initial value of 's'");
            assertMessage(() -> StatefulSession.of(m, Map.of(), Map.of()), "no state to carry");
            StatefulSession s = StatefulSession.of(m, Map.of("s_out", "s"), Map.of("s", zero));
            assertMessage(() -> s.step(Map.of("x", zero, "s", zero)), "input 's' is carried by the session");
            assertMessage(() -> s.step(Map.of()), "missing input 'x'");
        }
    }

    private static void assertMessage(Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
