package dev.seqlab.cli.classify;

import dev.seqlab.classify.TextClassifier;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.io.LoadOptions;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model DIR} and {@code --vectors FILE} of the commands that use a trained classifier (a picocli mixin). */
public final class ModelOptions {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "The model directory (from 'classify train').")
    Path model;

    @Option(
            names = "--vectors",
            paramLabel = "FILE",
            description = "Word vectors for an average model (default: the file it was trained with).")
    Path vectors;

    /** The model directory. */
    public Path model() {
        return model;
    }

    /**
     * The classifier in {@code --model}, with {@code --vectors} when given.
     *
     * @throws MalformedFileException naming the vectors file when its dimension is not the model's
     */
    public TextClassifier load(ProgressListener progress) throws IOException {
        if (vectors == null) {
            return TextClassifier.load(model);
        }
        WordVectors wv = WordVectors.load(vectors, LoadOptions.defaults(), progress);
        try {
            return TextClassifier.load(model, wv);
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(vectors, 0, e.getMessage());
        }
    }
}
