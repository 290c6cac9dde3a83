package dev.seqlab.core.param;

import dev.seqlab.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered set of uniquely named {@link Parameter}s: what a model exposes to optimisers,
 * clipping, gradient checking and model files. Iteration follows insertion order.
 */
public final class Parameters implements Iterable<Parameter> {
    private final Map<String, Parameter> byName = new LinkedHashMap<>();

    /** An empty set. */
    public Parameters() {}

    /** A set holding the given parameters in order. */
    public static Parameters of(Parameter... params) {
        Parameters p = new Parameters();
        for (Parameter x : params) {
            p.add(x);
        }
        return p;
    }

    /**
     * Adds a parameter; returns it for chaining in constructors.
     *
     * @throws IllegalArgumentException if the name is already taken
     */
    public Parameter add(Parameter p) {
        if (byName.putIfAbsent(p.name(), p) != null) {
            throw new IllegalArgumentException("duplicate parameter name '" + p.name() + "'");
        }
        return p;
    }

    /** Adds every parameter of {@code other}, in its order. */
    public Parameters addAll(Parameters other) {
        for (Parameter p : other) {
            add(p);
        }
        return this;
    }

    /**
     * The parameter called {@code name}.
     *
     * @throws IllegalArgumentException naming the known parameters if there is none
     */
    public Parameter get(String name) {
        Parameter p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; known: " + byName.keySet());
        }
        return p;
    }

    /** True when a parameter has this name. */
    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The parameters in order (unmodifiable). */
    public List<Parameter> list() {
        return Collections.unmodifiableList(new ArrayList<>(byName.values()));
    }

    /** How many parameters. */
    public int count() {
        return byName.size();
    }

    /** The total number of scalar entries. */
    public long totalSize() {
        long n = 0;
        for (Parameter p : byName.values()) {
            n += p.size();
        }
        return n;
    }

    /** Zeros every gradient. */
    public void zeroGrads() {
        for (Parameter p : byName.values()) {
            p.zeroGrad();
        }
    }

    /** The values by name, in order (the tensors themselves, not copies): what model files store. */
    public Map<String, Tensor> values() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        byName.forEach((k, v) -> m.put(k, v.value()));
        return m;
    }

    /**
     * Copies values from {@code tensors} (e.g. read from a model file) into these parameters.
     *
     * @throws IllegalArgumentException if a parameter is missing from the map or has another shape
     */
    public void load(Map<String, Tensor> tensors) {
        for (Parameter p : byName.values()) {
            Tensor t = tensors.get(p.name());
            if (t == null) {
                throw new IllegalArgumentException("the weights have no tensor '" + p.name() + "'");
            }
            if (!t.sameShape(p.value())) {
                throw new IllegalArgumentException("tensor '" + p.name() + "' has shape "
                        + Arrays.toString(t.shape()) + ", the model expects "
                        + Arrays.toString(p.value().shape()));
            }
            p.value().copyFrom(t);
        }
    }

    /** Copies of the values, in order: what {@link #restore} puts back (best weights, test comparisons). */
    public float[][] snapshot() {
        float[][] s = new float[byName.size()][];
        int i = 0;
        for (Parameter p : byName.values()) {
            s[i++] = p.value().data().clone();
        }
        return s;
    }

    /**
     * Copies a {@link #snapshot} of these parameters back into their values.
     *
     * @throws IllegalArgumentException if it has another number or size of arrays
     */
    public void restore(float[][] snapshot) {
        if (snapshot.length != byName.size()) {
            throw new IllegalArgumentException("a snapshot of " + snapshot.length + " parameters for " + byName.size());
        }
        int i = 0;
        for (Parameter p : byName.values()) {
            float[] v = p.value().data();
            if (snapshot[i].length != v.length) {
                throw new IllegalArgumentException("snapshot entry " + i + " has " + snapshot[i].length
                        + " values, parameter '" + p.name() + "' " + v.length);
            }
            System.arraycopy(snapshot[i++], 0, v, 0, v.length);
        }
    }

    @Override
    public Iterator<Parameter> iterator() {
        return Collections.unmodifiableCollection(byName.values()).iterator();
    }
}
