package dev.seqlab.core.options;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.MalformedFileException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Options records as JSON objects, the one mechanism behind every options file and every model's
 * {@code config.json}.
 *
 * <ul>
 *   <li>Field names are the record's component names in snake_case ({@code inputVocabulary} is
 *       {@code "input_vocabulary"}, {@code dModel} is {@code "d_model"}).</li>
 *   <li>Enums are written as their lower-case name and read by name in any case.</li>
 *   <li>Paths are written as strings; null components as JSON null.</li>
 *   <li>Reading starts from a {@code defaults} record: a missing field keeps the default's
 *       value; an unknown field is an error naming the field and the file; the record's own
 *       validation runs on the result, and its message names the value.</li>
 * </ul>
 * Values are converted by Jackson, so any component type Jackson binds (numbers, booleans,
 * strings, enums, paths, lists) works; the record structure itself is read by reflection.
 */
public final class OptionsJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new SimpleModule("seqlab-options")
                    .addSerializer(Path.class, new PathSerializer())
                    .addDeserializer(Path.class, new PathDeserializer())
                    .addSerializer(Enum.class, new EnumSerializer()))
            .build();

    private OptionsJson() {}

    /** The JSON field name of record component {@code name}: camelCase to snake_case. */
    public static String fieldName(String component) {
        StringBuilder b = new StringBuilder(component.length() + 4);
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (Character.isUpperCase(c)) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code options} as a JSON object, one field per component, in declaration order. */
    public static ObjectNode toTree(Record options) {
        ObjectNode node = JSON.createObjectNode();
        RecordShape.of(options.getClass())
                .values(options)
                .forEach((name, value) -> node.set(fieldName(name), JSON.valueToTree(value)));
        return node;
    }

    /** {@code options} as pretty-printed JSON text. */
    public static String toJson(Record options) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(options));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("options not writable as JSON: " + options, e);
        }
    }

    /** Writes {@code options} to {@code file} as JSON, atomically. */
    public static void write(Path file, Record options) throws IOException {
        byte[] bytes = (toJson(options) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Options read from JSON text, starting from {@code defaults}.
     *
     * @throws IllegalArgumentException for text that is not a JSON object, an unknown field, a value
     *                                  of the wrong type, or a value the record rejects
     */
    public static <R extends Record> R fromJson(String json, R defaults) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + ")");
        }
        return fromTree(node, defaults, "the JSON", Set.of());
    }

    /**
     * Options read from {@code file}, starting from {@code defaults}.
     *
     * @throws MalformedFileException naming the file for any problem {@link #fromJson} reports
     */
    public static <R extends Record> R read(Path file, R defaults) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new MalformedFileException(file, 0, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        try {
            return fromTree(node, defaults, file.toString(), Set.of());
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(file, 0, e.getMessage());
        }
    }

    /**
     * Options read from a JSON object that may also hold fields belonging to something else (a
     * model's {@code config.json} holds the architecture and the vocabulary beside its options).
     *
     * @param node        the JSON object
     * @param defaults    the value of every field the object does not have
     * @param source      names the object in messages (a file name)
     * @param otherFields fields that are not the record's and are left to the caller
     * @throws IllegalArgumentException for a field neither the record's nor in {@code otherFields}
     *                                  (naming it and {@code source}), a value of the wrong type,
     *                                  or a value the record rejects
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R fromTree(JsonNode node, R defaults, String source, Set<String> otherFields) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(source + " is not a JSON object");
        }
        RecordShape shape = RecordShape.of(defaults.getClass());
        Map<String, RecordComponent> byField = new LinkedHashMap<>();
        for (RecordComponent c : shape.components()) {
            byField.put(fieldName(c.getName()), c);
        }
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (!byField.containsKey(f) && !otherFields.contains(f)) {
                unknown.add(f);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown field '" + unknown.get(0) + "' in " + source + " ("
                    + defaults.getClass().getSimpleName() + " has " + String.join(", ", byField.keySet()) + ")");
        }
        Map<String, Object> values = shape.values(defaults);
        for (Map.Entry<String, RecordComponent> e : byField.entrySet()) {
            JsonNode v = node.get(e.getKey());
            if (v != null) {
                values.put(e.getValue().getName(), convert(v, e.getValue(), e.getKey(), source));
            }
        }
        return (R) shape.create(values);
    }

    private static Object convert(JsonNode value, RecordComponent c, String field, String source) {
        try {
            return JSON.treeToValue(value, JSON.constructType(c.getGenericType()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "field '" + field + "' in " + source + " must be " + describe(c.getType()) + ", got " + value);
        }
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object o : type.getEnumConstants()) {
                names.add(((Enum<?>) o).name().toLowerCase(Locale.ROOT));
            }
            return "one of " + String.join(", ", names);
        }
        return type == boolean.class || type == Boolean.class
                ? "true or false"
                : type.isPrimitive() || Number.class.isAssignableFrom(type)
                        ? "a number (" + type.getSimpleName() + ")"
                        : "a " + type.getSimpleName();
    }

    /** Writes a path as its string. */
    private static final class PathSerializer extends JsonSerializer<Path> {
        @Override
        public void serialize(Path value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    /** Reads a path from its string. */
    private static final class PathDeserializer extends JsonDeserializer<Path> {
        @Override
        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Path.of(p.getValueAsString());
        }
    }

    /** Writes an enum as its lower-case name (as config.json always held cell kinds: "lstm"). */
    @SuppressWarnings("rawtypes")
    private static final class EnumSerializer extends JsonSerializer<Enum> {
        @Override
        public void serialize(Enum value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.name().toLowerCase(Locale.ROOT));
        }
    }
}
