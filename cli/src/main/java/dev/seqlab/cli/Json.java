package dev.seqlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Writes the {@code --json} output of commands: one pretty-printed JSON document. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {}

    /** Prints {@code value} as JSON followed by a newline. Records serialise by component. */
    public static void print(PrintWriter out, Object value) {
        out.println(toJson(value));
        out.flush();
    }

    /** {@code value} as a JSON string. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared mapper, for commands that read JSON. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
