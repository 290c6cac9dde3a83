package dev.seqlab.embeddings.glove;

/**
 * One AdaGrad step of GloVe's weighted least squares on one co-occurrence record:
 *
 * <pre>
 *   diff  = w_a · w̃_b + b_a + b̃_b − log X_ab
 *   cost  = ½ f(X_ab) diff²
 *   g     = η f(X_ab) diff
 *   w_a  −= clip(g w̃_b) / √G_a,   G_a += clip(g w̃_b)²      (and symmetrically for w̃_b)
 *   b_a  −= g / √H_a,             H_a += g²               (and for b̃_b)
 * </pre>
 *
 * with the gradient terms clipped to ±{@link #GRADIENT_CLIP} per component as in the GloVe tool.
 * A record whose difference is not finite is skipped.
 */
interface GloVeKernel {
    /** The per-component gradient bound. */
    float GRADIENT_CLIP = 100f;

    /** SIMD lanes the weight rows are padded to (1 for plain Java). */
    int lanes();

    /** "vector" or "plain". */
    String name();

    /**
     * Trains on record (a, b) and returns its cost ½ f diff² (0 when skipped).
     *
     * @param logX   log X_ab
     * @param weight f(X_ab)
     * @param eta    the learning rate
     */
    double step(GloVeWeights w, int a, int b, float logX, float weight, float eta);
}
