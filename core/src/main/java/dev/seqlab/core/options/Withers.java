package dev.seqlab.core.options;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies of a record with some components changed, for one-line withers:
 * <pre>{@code
 * public Word2VecOptions withDim(int dim) {
 *     return Withers.with(this, "dim", dim);
 * }
 * }</pre>
 * The copy goes through the canonical constructor, so the record's validation runs on it. A
 * component name that does not exist, or a value of the wrong type, is a programming error and
 * fails at once (each options record's test calls every wither).
 */
public final class Withers {

    private Withers() {}

    /** {@code record} with component {@code name} set to {@code value}. */
    public static <R extends Record> R with(R record, String name, Object value) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(name, value);
        return with(record, changes);
    }

    /** {@code record} with two components changed together (for values validated against each other). */
    public static <R extends Record> R with(R record, String name1, Object value1, String name2, Object value2) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(name1, value1);
        changes.put(name2, value2);
        return with(record, changes);
    }

    /**
     * {@code record} with the components named in {@code changes} set to their values (null values
     * allowed where the record allows them).
     *
     * @throws IllegalArgumentException the record's validation message, or for an unknown name
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R record, Map<String, ?> changes) {
        RecordShape shape = RecordShape.of(record.getClass());
        Map<String, Object> values = shape.values(record);
        for (Map.Entry<String, ?> e : changes.entrySet()) {
            RecordComponent c = shape.component(e.getKey());
            if (c == null) {
                throw new IllegalArgumentException(
                        record.getClass().getSimpleName() + " has no component '" + e.getKey() + "'");
            }
            values.put(e.getKey(), e.getValue());
        }
        return (R) shape.create(values);
    }
}
