package dev.seqlab.core.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.io.model.ModelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A model's {@code config.json} as its options record: the {@code "architecture"} field, then one
 * field per component of the options ({@link OptionsJson}'s names), then whatever else the model
 * adds (a vocabulary, a gate order). Reading fills missing fields from the defaults and names an
 * unknown field, or a value the options reject, together with the file.
 */
public final class ModelConfig {

    private ModelConfig() {}

    /** A config object: {@code architecture}, then the fields of {@code options}; add more with {@code put}. */
    public static ObjectNode of(String architecture, Record options) {
        ObjectNode config = ModelFiles.config(architecture);
        config.setAll(OptionsJson.toTree(options));
        return config;
    }

    /**
     * The options in {@code dir/config.json}, checked to be of {@code architecture}.
     *
     * @throws MalformedFileException naming config.json for another architecture, an unknown field
     *                                or an invalid value
     */
    public static <R extends Record> R read(Path dir, String architecture, R defaults) throws IOException {
        return options(dir, ModelFiles.readConfig(dir, architecture), defaults);
    }

    /**
     * The options in {@code config}, read from {@code dir}; {@code otherFields} are the model's own
     * fields beside {@code "architecture"}.
     *
     * @throws MalformedFileException naming config.json for an unknown field or an invalid value
     */
    public static <R extends Record> R options(Path dir, JsonNode config, R defaults, String... otherFields)
            throws IOException {
        Path file = dir.resolve(ModelFiles.CONFIG);
        Set<String> others = new HashSet<>(List.of(otherFields));
        others.add("architecture");
        try {
            return OptionsJson.fromTree(config, defaults, file.toString(), others);
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(file, 0, e.getMessage());
        }
    }
}
