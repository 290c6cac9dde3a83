package dev.seqlab.onnx.graph;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.seqlab.core.io.AtomicFiles;
import dev.seqlab.core.io.MalformedFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes ONNX model files as protobuf {@link ModelProto}s.
 *
 * <pre>{@code
 * ModelProto m = OnnxFiles.read(Path.of("model.onnx"));
 * OnnxFiles.write(m, Path.of("copy.onnx"));      // temporary file, then renamed into place
 * }</pre>
 */
public final class OnnxFiles {

    private OnnxFiles() {}

    /**
     * Parses an ONNX model file (tensor data stored inside the file; external data files are not read).
     *
     * @throws NoSuchFileException    if the file does not exist
     * @throws MalformedFileException {@code FILE: not an ONNX model (...)} when it is a directory,
     *                                does not parse as an ONNX protobuf, or has no IR version or graph
     */
    public static ModelProto read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new MalformedFileException(file, 0, "is a directory, not an ONNX model file");
        }
        ModelProto model;
        try (InputStream in = Files.newInputStream(file)) {
            CodedInputStream coded = CodedInputStream.newInstance(in);
            coded.setSizeLimit(Integer.MAX_VALUE);
            model = ModelProto.parseFrom(coded);
        } catch (InvalidProtocolBufferException e) {
            String why = e.getMessage() == null
                    ? ""
                    : e.getMessage().lines().findFirst().orElse("").strip();
            throw new MalformedFileException(
                    file, 0, "not an ONNX model (its protobuf does not parse: " + why + ")", e);
        }
        // text or another format can parse as a protobuf of unknown fields: it then lacks these
        if (model.getIrVersion() <= 0) {
            throw new MalformedFileException(file, 0, "not an ONNX model (no IR version)");
        }
        if (!model.hasGraph()
                || model.getGraph().getNodeCount() == 0 && model.getGraph().getOutputCount() == 0) {
            throw new MalformedFileException(file, 0, "not an ONNX model (no graph)");
        }
        return model;
    }

    /**
     * Writes {@code model} to {@code file} atomically (a temporary file in the same directory,
     * renamed into place): an interrupted write never leaves a half-written model.
     *
     * @throws NoSuchFileException if the file's directory does not exist
     */
    public static void write(ModelProto model, Path file) throws IOException {
        AtomicFiles.write(file, model::writeTo);
    }
}
