package dev.seqlab.classify.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A trained classifier of one architecture: probabilities, saving and ONNX export. */
public interface ClassifierModel {

    /** Class probabilities, one row of {@code classes} per text, classes in the model's label order. */
    float[][] probabilities(List<String> texts);

    /** Writes the weights (and the model's own fields into {@code config}) to {@code dir}. */
    void save(Path dir, ObjectNode config) throws IOException;

    /** Writes the model as an ONNX graph to {@code file}. */
    void exportOnnx(Path file) throws IOException;

    /** The unknown-word count over {@code texts}. */
    OovCount oov(List<String> texts);

    /** The mean training loss of each epoch (empty when the trainer does not report it). */
    List<Double> epochLosses();
}
