package dev.seqlab.classify;

import dev.seqlab.classify.model.OovCount;
import java.util.List;

/**
 * What training did.
 *
 * @param sentences     training sentences
 * @param classCounts   sentences per class, in label order
 * @param seconds       wall time of training (the model's fit, without reading data)
 * @param trainAccuracy the model's accuracy on its training sentences
 * @param oov           unknown words in the training sentences
 * @param epochLosses   mean training loss per epoch (empty for {@code average}, whose trainer does not report it)
 */
public record TrainingSummary(
        long sentences,
        List<Long> classCounts,
        double seconds,
        double trainAccuracy,
        OovCount oov,
        List<Double> epochLosses) {

    /** Copies the lists. */
    public TrainingSummary {
        classCounts = List.copyOf(classCounts);
        epochLosses = List.copyOf(epochLosses);
    }
}
