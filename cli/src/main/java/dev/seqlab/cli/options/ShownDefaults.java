package dev.seqlab.cli.options;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * The defaults {@code --help} shows, read from the options records so that each default is
 * written once, in the record's {@code defaults()}. A command lists them with
 * {@link #of(Record)} (every component, by name) and {@link #with}; an option's description
 * shows one as {@code ${bundle:default.NAME}}. {@link #install} gives each command of a tree the
 * resource bundle holding its defaults.
 */
public final class ShownDefaults {
    private static final String PREFIX = "default.";

    private final Map<String, String> values = new LinkedHashMap<>();

    private ShownDefaults() {}

    /** Every component of {@code defaults}, shown under its component name. */
    public static ShownDefaults of(Record defaults) {
        return new ShownDefaults().and(defaults);
    }

    /** No defaults. */
    public static ShownDefaults none() {
        return new ShownDefaults();
    }

    /** These and every component of {@code defaults}, by component name. */
    public ShownDefaults and(Record defaults) {
        for (var c : defaults.getClass().getRecordComponents()) {
            try {
                values.put(c.getName(), show(c.getAccessor().invoke(defaults)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
        }
        return this;
    }

    /** These and {@code value} shown as {@code default.name}. */
    public ShownDefaults with(String name, Object value) {
        values.put(name, show(value));
        return this;
    }

    private static String show(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value instanceof Double || value instanceof Float) {
            // 0.0001, not 1.0E-4; 100, not 100.0
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** The resource bundle holding these defaults under {@code default.NAME}. */
    ResourceBundle bundle() {
        Object[][] contents = values.entrySet().stream()
                .map(e -> new Object[] {PREFIX + e.getKey(), e.getValue()})
                .toArray(Object[][]::new);
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return contents;
            }
        };
    }

    /**
     * Gives every command in the tree under {@code root} whose object {@code defaults} maps to
     * some shown defaults a resource bundle holding them.
     */
    public static void install(CommandLine root, Function<Object, ShownDefaults> defaults) {
        ShownDefaults d = defaults.apply(root.getCommand());
        if (d != null && !d.values.isEmpty()) {
            root.setResourceBundle(d.bundle());
        }
        for (CommandLine sub : root.getSubcommands().values()) {
            install(sub, defaults);
        }
    }
}
