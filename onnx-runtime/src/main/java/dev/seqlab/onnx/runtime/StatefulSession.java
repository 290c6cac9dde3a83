package dev.seqlab.onnx.runtime;

import dev.seqlab.onnx.HostTensor;
import dev.seqlab.onnx.TensorSpec;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Runs an {@link OnnxModel} one call at a time while carrying state from each call into the
 * next: some outputs (a recurrent network's final hidden and cell states, say) are fed back as
 * inputs (its initial states) of the following call. This is how a recurrent model exported to
 * ONNX generates text one character at a time.
 *
 * <pre>{@code
 * try (OnnxModel m = OnnxModel.open(Path.of("char-lstm.onnx"))) {
 *     StatefulSession s = StatefulSession.of(m,
 *             Map.of("h_out", "h0", "c_out", "c0"),                              // output -> input
 *             Map.of("h0", HostTensor.zeros(1, 1, 64), "c0", HostTensor.zeros(1, 1, 64)));
 *     float[] logits = s.step(Map.of("tokens", HostTensor.longs(new long[] {-1}, 1, 1))).get("logits").floats();
 * }
 * }</pre>
 *
 * <p>A session does not own the model (closing is the caller's) and, like the state it holds,
 * is for one thread; several sessions may share one model.
 */
public final class StatefulSession {
    private final OnnxModel model;
    private final Map<String, String> carried;
    private final Map<String, HostTensor> initial;
    private final Map<String, HostTensor> state = new LinkedHashMap<>();

    private StatefulSession(OnnxModel model, Map<String, String> carried, Map<String, HostTensor> initial) {
        this.model = model;
        this.carried = carried;
        this.initial = initial;
        state.putAll(initial);
    }

    /**
     * A session on {@code model} that feeds each output named by a key of {@code carried} back
     * into the input named by its value, starting from {@code initial} (one tensor per carried
     * input).
     *
     * @throws IllegalArgumentException if a name is not one of the model's outputs or inputs,
     *                                  two outputs feed one input, an initial state is missing or
     *                                  extra, or it does not fit its input
     */
    public static StatefulSession of(OnnxModel model, Map<String, String> carried, Map<String, HostTensor> initial) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(carried, "carried");
        Objects.requireNonNull(initial, "initial");
        if (carried.isEmpty()) {
            throw new IllegalArgumentException("no state to carry: name at least one output and the input it feeds");
        }
        Map<String, String> byInput = new HashMap<>();
        for (Map.Entry<String, String> e : carried.entrySet()) {
            model.output(e.getKey());
            model.input(e.getValue());
            String other = byInput.put(e.getValue(), e.getKey());
            if (other != null) {
                throw new IllegalArgumentException(
                        "outputs '" + other + "' and '" + e.getKey() + "' both feed input '" + e.getValue() + "'");
            }
        }
        for (String input : byInput.keySet()) {
            if (!initial.containsKey(input)) {
                throw new IllegalArgumentException("no initial value for the carried input '" + input + "'");
            }
        }
        for (Map.Entry<String, HostTensor> e : initial.entrySet()) {
            if (!byInput.containsKey(e.getKey())) {
                throw new IllegalArgumentException("'" + e.getKey()
                        + "' has an initial value but is not a carried input " + "(carried: " + byInput.keySet() + ")");
            }
            checkInitial(model.input(e.getKey()), Objects.requireNonNull(e.getValue(), e.getKey()));
        }
        return new StatefulSession(model, new LinkedHashMap<>(carried), new LinkedHashMap<>(initial));
    }

    private static void checkInitial(TensorSpec spec, HostTensor t) {
        boolean fits = t.type().onnxName().equals(spec.elementType()) && t.rank() == spec.rank();
        for (int i = 0; fits && i < spec.rank(); i++) {
            TensorSpec.Dim d = spec.shape().get(i);
            fits = !d.isFixed() || d.size() == t.dim(i);
        }
        if (!fits) {
            throw new IllegalArgumentException("the initial value of '" + spec.name() + "' is " + t
                    + "; the input expects " + spec.elementType() + " " + spec.shapeText());
        }
    }

    /**
     * Runs one call on {@code feeds} plus the carried state, keeps the carried outputs as the
     * next call's state, and returns every output.
     *
     * @throws IllegalArgumentException if {@code feeds} names a carried input, or as
     *                                  {@link OnnxModel#run(Map)}
     */
    public Map<String, HostTensor> step(Map<String, HostTensor> feeds) {
        Objects.requireNonNull(feeds, "feeds");
        Map<String, HostTensor> all = new HashMap<>(feeds);
        for (Map.Entry<String, HostTensor> s : state.entrySet()) {
            if (all.put(s.getKey(), s.getValue()) != null) {
                throw new IllegalArgumentException(
                        "input '" + s.getKey() + "' is carried by the session; do not feed it");
            }
        }
        Map<String, HostTensor> out = model.run(all);
        for (Map.Entry<String, String> c : carried.entrySet()) {
            state.put(c.getValue(), out.get(c.getKey()));
        }
        return out;
    }

    /** The value the carried input {@code input} will get in the next call. */
    public HostTensor state(String input) {
        HostTensor t = state.get(input);
        if (t == null) {
            throw new IllegalArgumentException(
                    "'" + input + "' is not a carried input (carried: " + state.keySet() + ")");
        }
        return t;
    }

    /** The carried inputs and their current values. */
    public Map<String, HostTensor> states() {
        return Collections.unmodifiableMap(state);
    }

    /** Goes back to the initial state. */
    public void reset() {
        state.clear();
        state.putAll(initial);
    }
}
