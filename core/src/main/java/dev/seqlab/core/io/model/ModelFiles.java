package dev.seqlab.core.io.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.io.safetensors.SafeTensors;
import dev.seqlab.core.param.Parameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model directory: {@code config.json} (naming the architecture and its sizes) beside
 * {@code model.safetensors} (the parameters by name). Both are written atomically; reading checks
 * the architecture and that every parameter is present with its shape.
 */
public final class ModelFiles {
    /** The config file's name. */
    public static final String CONFIG = "config.json";
    /** The weights file's name. */
    public static final String WEIGHTS = "model.safetensors";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFiles() {}

    /** A new config object with {@code "architecture"} set. */
    public static ObjectNode config(String architecture) {
        return JSON.createObjectNode().put("architecture", architecture);
    }

    /** Writes {@code dir/config.json} and {@code dir/model.safetensors}, creating {@code dir}. */
    public static void save(Path dir, ObjectNode config, Parameters params) throws IOException {
        Files.createDirectories(dir);
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(config);
        SafeTensors.write(
                dir.resolve(WEIGHTS),
                params.values(),
                Map.of("architecture", config.path("architecture").asText()));
        AtomicFiles.write(dir.resolve(CONFIG), out -> out.write(json));
    }

    /** The architecture named in {@code dir/config.json}. */
    public static String architecture(Path dir) throws IOException {
        return readConfig(dir).path("architecture").asText();
    }

    /**
     * The config of a model directory, checked to be of {@code architecture}.
     *
     * @throws NoSuchFileException    if there is no config.json
     * @throws MalformedFileException if it is not JSON or names another architecture
     */
    public static JsonNode readConfig(Path dir, String architecture) throws IOException {
        JsonNode cfg = readConfig(dir);
        if (!architecture.equals(cfg.path("architecture").asText())) {
            throw new MalformedFileException(
                    dir.resolve(CONFIG),
                    0,
                    "holds a '" + cfg.path("architecture").asText() + "' model, not a '" + architecture + "' one");
        }
        return cfg;
    }

    private static JsonNode readConfig(Path dir) throws IOException {
        Path p = dir.resolve(CONFIG);
        if (!Files.exists(p)) {
            throw new NoSuchFileException(p.toString(), null, "no model here (config.json missing)");
        }
        try {
            // decoded as UTF-8 (as JSON files are) rather than letting the parser guess UTF-16 or
            // UTF-32 from NUL bytes and fail with an exception that does not name the file
            JsonNode cfg = JSON.readTree(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            if (cfg == null || !cfg.isObject()) {
                throw new MalformedFileException(p, 0, "is not a JSON object");
            }
            return cfg;
        } catch (JsonProcessingException e) {
            throw new MalformedFileException(p, 0, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /**
     * Loads {@code dir/model.safetensors} into {@code params}.
     *
     * @throws MalformedFileException if a parameter is missing or has another shape
     */
    public static void loadWeights(Path dir, Parameters params) throws IOException {
        Path w = dir.resolve(WEIGHTS);
        try {
            params.load(SafeTensors.read(w).tensors());
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(
                    w, 0, "does not fit the model " + CONFIG + " describes: " + e.getMessage());
        }
    }
}
