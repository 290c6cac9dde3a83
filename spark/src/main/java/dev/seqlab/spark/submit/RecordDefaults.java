package dev.seqlab.spark.submit;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The default values of a job's options, read from the options records so that each default is
 * written once, in the record's {@code defaults()}, as the CLI's {@code ShownDefaults} does: an
 * option {@code --min-count} takes the component {@code minCount} of the first record that has
 * one (or the component an {@link #alias} names). picocli fills the fields with these values and
 * shows them as {@code ${DEFAULT-VALUE}}; an option no record covers keeps its annotation's default.
 */
class RecordDefaults implements IDefaultValueProvider {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    /** The components of {@code defaults}, the first record's winning where two share a name. */
    RecordDefaults(Record... defaults) {
        for (Record r : defaults) {
            for (var c : r.getClass().getRecordComponents()) {
                try {
                    values.putIfAbsent(c.getName(), show(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c, e);
                }
            }
        }
    }

    /** Makes option {@code --option} take the default of component {@code component}. */
    final RecordDefaults alias(String option, String component) {
        aliases.put(option, component);
        return this;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        return values.get(aliases.getOrDefault(name, camel(name)));
    }

    /** {@code min-count} as {@code minCount}. */
    static String camel(String kebab) {
        StringBuilder b = new StringBuilder(kebab.length());
        boolean upper = false;
        for (char ch : kebab.toCharArray()) {
            if (ch == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return b.toString();
    }

    /** A value as an option takes it: enums in lower case with dashes, 0.001 rather than 1.0E-3. */
    static String show(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
