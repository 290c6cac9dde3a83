package dev.seqlab.cli.dates;

import dev.seqlab.cli.training.StopOnSignal;
import dev.seqlab.core.checkpoint.TrainingStoppedException;
import dev.seqlab.core.progress.ProgressListener;
import dev.seqlab.generators.cache.CachedModel;
import dev.seqlab.generators.dates.DateNormalizer;
import dev.seqlab.generators.dates.DateNormalizer.Architecture;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/**
 * The default date model for {@code seqlab dates} and {@code seqlab dates export}: cached, or
 * trained on first use. Ctrl-C or SIGTERM during that training stops it after the current batch
 * with a checkpoint in the cache directory, and the next run of either command resumes from it.
 */
final class DefaultDateModel {

    private DefaultDateModel() {}

    /**
     * The cached model of {@code arch}, or one trained now (telling the user on {@code err} unless
     * {@code quiet}); empty when a signal stopped the training, after saying how it continues.
     */
    static Optional<DateNormalizer> load(Architecture arch, PrintWriter err, ProgressListener progress, boolean quiet)
            throws IOException {
        if (DateNormalizer.cached(arch)) {
            return Optional.of(DateNormalizer.load(arch, progress));
        }
        if (!quiet) {
            err.println(
                    "seqlab: " + (DateNormalizer.resumable(arch) ? "resuming the interrupted training of" : "training")
                            + " the " + name(arch) + " date model (first run only; cached in "
                            + CachedModel.dir(arch.cacheName()) + "; Ctrl-C stops it with a checkpoint there)");
            err.flush();
        }
        try (StopOnSignal stop = StopOnSignal.install(err)) {
            return Optional.of(DateNormalizer.load(arch, progress, stop.stopRequested()));
        } catch (TrainingStoppedException e) {
            err.println("seqlab: " + e.getMessage() + "; run the command again to resume the training from it.");
            err.flush();
            return Optional.empty();
        }
    }

    /** The architecture as the commands name it. */
    static String name(Architecture a) {
        return a.name().toLowerCase(Locale.ROOT);
    }
}
