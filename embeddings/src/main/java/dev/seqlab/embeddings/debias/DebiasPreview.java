package dev.seqlab.embeddings.debias;

import java.util.List;

/**
 * What {@link Debiaser#preview} found: {@link DebiasResult} without the debiased vocabulary.
 *
 * @param direction      the bias direction found
 * @param directionPairs the definitional pairs that were in the vocabulary and defined the direction
 * @param projections    each neutralized or equalized word's projection before and after, neutral words first
 * @param missing        listed words that are not in the vocabulary (and were skipped), in list order
 */
public record DebiasPreview(
        BiasDirection direction,
        List<WordPair> directionPairs,
        List<WordProjection> projections,
        List<String> missing) {

    /** Copies the lists. */
    public DebiasPreview {
        directionPairs = List.copyOf(directionPairs);
        projections = List.copyOf(projections);
        missing = List.copyOf(missing);
    }
}
