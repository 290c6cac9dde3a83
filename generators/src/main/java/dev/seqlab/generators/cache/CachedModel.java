package dev.seqlab.generators.cache;

import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.core.io.SeqlabHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A default model that is trained on first use and cached in {@code $SEQLAB_HOME/models/NAME}:
 * later calls load it; a damaged cache is trained and written again. Bump the name when the
 * training data or recipe change.
 */
public final class CachedModel {
    private static final Logger LOG = LoggerFactory.getLogger(CachedModel.class);

    /** Reads a model from a directory. */
    @FunctionalInterface
    public interface Loader<T> {
        /** Loads the model saved in {@code dir}. */
        T load(Path dir) throws IOException;
    }

    /**
     * Trains a model.
     *
     * @param <X> what else training may throw (e.g. a stop on request); none for most trainers
     */
    @FunctionalInterface
    public interface Trainer<T, X extends Exception> {
        /** Trains a fresh model (or continues the one {@link #checkpoint} holds). */
        T train() throws IOException, X;
    }

    /** Writes a model to a directory. */
    @FunctionalInterface
    public interface Saver<T> {
        /** Saves {@code model} to {@code dir}. */
        void save(T model, Path dir) throws IOException;
    }

    private CachedModel() {}

    /** The cache directory of model {@code name}. */
    public static Path dir(String name) {
        return SeqlabHome.resolve("models", name);
    }

    /**
     * Where an interrupted first-use training of model {@code name} keeps its checkpoint: inside
     * its cache directory, which counts as cached only once the model itself is written there.
     */
    public static Path checkpoint(String name) {
        return dir(name).resolve("training.checkpoint");
    }

    /** True when model {@code name} is cached (the next {@link #get} is fast). */
    public static boolean cached(String name) {
        return Files.exists(dir(name).resolve("config.json"));
    }

    /** The cached model, or a freshly trained one that is then cached. */
    public static <T, X extends Exception> T get(String name, Loader<T> loader, Trainer<T, X> trainer, Saver<T> saver)
            throws IOException, X {
        Path dir = dir(name);
        if (cached(name)) {
            try {
                return loader.load(dir);
            } catch (MalformedFileException e) {
                LOG.warn("retraining the cached model {}: {}", name, e.getMessage());
            }
        }
        T model = trainer.train();
        saver.save(model, dir);
        return model;
    }
}
