package dev.seqlab.cli.options;

import java.util.function.BiFunction;

/**
 * Applies the options a user gave to a record's defaults, leaving the rest as they are:
 * <pre>{@code
 * Word2VecOptions o = Overrides.on(Word2VecOptions.defaults())
 *         .set(dim, Word2VecOptions::withDim)       // dim is null unless --dim was given
 *         .set(window, Word2VecOptions::withWindow)
 *         .get();
 * }</pre>
 *
 * @param <T> the options record
 */
public final class Overrides<T> {
    private T value;

    private Overrides(T value) {
        this.value = value;
    }

    /** Starts from {@code defaults}. */
    public static <T> Overrides<T> on(T defaults) {
        return new Overrides<>(defaults);
    }

    /** Applies {@code with} to {@code given} when it is not null. */
    public <V> Overrides<T> set(V given, BiFunction<T, V, T> with) {
        if (given != null) {
            value = with.apply(value, given);
        }
        return this;
    }

    /** The options. */
    public T get() {
        return value;
    }
}
