package dev.seqlab.core.options;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The components and canonical constructor of a record class, looked up once per class. */
final class RecordShape {
    private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

    private final Class<?> type;
    private final RecordComponent[] components;
    private final Constructor<?> constructor;

    private RecordShape(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        this.type = type;
        this.components = type.getRecordComponents();
        try {
            this.constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record without its canonical constructor: " + type.getName(), e);
        }
        for (RecordComponent c : components) {
            c.getAccessor().setAccessible(true);
        }
    }

    /** The shape of {@code type}. */
    static RecordShape of(Class<?> type) {
        return SHAPES.computeIfAbsent(type, RecordShape::new);
    }

    /** The record's components in declaration order. */
    List<RecordComponent> components() {
        return List.of(components);
    }

    /** The component called {@code name}, or null. */
    RecordComponent component(String name) {
        for (RecordComponent c : components) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The values of {@code record}'s components by name, in declaration order. */
    Map<String, Object> values(Record record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            try {
                values.put(c.getName(), c.getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + c.getName(), e);
            }
        }
        return values;
    }

    /**
     * A new record from {@code values} by component name (all components present), through the
     * canonical constructor, so its validation runs.
     *
     * @throws IllegalArgumentException the constructor's own, when a value is out of range
     */
    Object create(Map<String, Object> values) {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = values.get(components[i].getName());
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    /** The record class. */
    Class<?> type() {
        return type;
    }
}
