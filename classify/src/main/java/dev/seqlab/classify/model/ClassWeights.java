package dev.seqlab.classify.model;

import dev.seqlab.classify.options.ClassWeighting;

/** Per-sentence loss weights from a {@link ClassWeighting}. */
public final class ClassWeights {

    private ClassWeights() {}

    /**
     * The weight of each sentence, or null when all weigh the same.
     *
     * @param labels  each sentence's class id in {@code [0, classes)}
     */
    public static float[] of(ClassWeighting weighting, int[] labels, int classes) {
        if (weighting == ClassWeighting.NONE) {
            return null;
        }
        long[] count = new long[classes];
        for (int y : labels) {
            count[y]++;
        }
        float[] w = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            w[i] = (float) (labels.length / ((double) classes * count[labels[i]]));
        }
        return w;
    }
}
