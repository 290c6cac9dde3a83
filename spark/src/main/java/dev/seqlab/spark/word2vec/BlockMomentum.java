package dev.seqlab.spark.word2vec;

import dev.seqlab.spark.matrix.RowBlocks;

/**
 * Blockwise model-update filtering (BMUF; Chen and Huo, ICASSP 2016) on the driver: the merged
 * change of a round is taken as a block gradient {@code G} and applied with block momentum
 * {@code η} and block learning rate {@code ζ}:
 *
 * <pre>
 *   Δ ← η Δ + ζ G        W ← W + Δ        (Nesterov:) the tasks start the next round from W + η Δ
 * </pre>
 *
 * <p>With the plain average as {@code G} and {@code η = 1 - 1/P} the filter interpolates by
 * itself: a row every round moves alike (rarer words, whose changes add up as on one machine)
 * settles at {@code Δ = ζ G / (1 - η)}, P times the average: the sum; a row each partition drives
 * to its target in a round sees, from the look-ahead start, a block gradient that cancels the
 * momentum, so it is not overshot. Dense: every row of {@code Δ} decays every round, the rows a
 * round did not change included (their pending momentum is still applied).
 */
final class BlockMomentum {
    private final float momentum;
    private final float rate;
    private final boolean nesterov;
    private final WordModel delta;
    private final WordModel start;

    private BlockMomentum(float momentum, float rate, boolean nesterov, WordModel model) {
        this.momentum = momentum;
        this.rate = rate;
        this.nesterov = nesterov;
        this.delta = model.zerosLike();
        this.start = nesterov ? model.copy() : model;
    }

    /** The filter over {@code model} (which it updates), no momentum yet. */
    static BlockMomentum over(WordModel model, double momentum, double rate, boolean nesterov) {
        return new BlockMomentum((float) momentum, (float) rate, nesterov, model);
    }

    /** The parameters the tasks of the next round start from. */
    WordModel start() {
        return start;
    }

    /** Applies a round's {@code update}, merged as {@code scale} says, to {@code model}. */
    void apply(ShardUpdate update, MergeScale scale, WordModel model) {
        for (int m = 0; m < delta.matrices.length; m++) {
            RowBlocks d = delta.matrices[m];
            if (d == null) {
                continue;
            }
            for (int b = 0; b < d.blocks(); b++) {
                float[] x = d.block(b);
                for (int i = 0; i < x.length; i++) {
                    x[i] *= momentum;
                }
            }
        }
        update.applyTo(delta, scale, rate);
        for (int m = 0; m < delta.matrices.length; m++) {
            RowBlocks d = delta.matrices[m];
            if (d == null) {
                continue;
            }
            for (int b = 0; b < d.blocks(); b++) {
                float[] x = d.block(b);
                float[] w = model.matrices[m].block(b);
                float[] s = start.matrices[m].block(b);
                for (int i = 0; i < x.length; i++) {
                    w[i] += x[i];
                    if (nesterov) {
                        s[i] = w[i] + momentum * x[i];
                    }
                }
            }
        }
    }
}
