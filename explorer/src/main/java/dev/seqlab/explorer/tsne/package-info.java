/**
 * Barnes–Hut t-SNE (van der Maaten, "Accelerating t-SNE using Tree-Based Algorithms", JMLR 2014),
 * written for seqlab: exact nearest neighbours (3·perplexity of them, found with core's GEMM),
 * per-point bandwidths by binary search on the perplexity (the conditional distributions are core's
 * softmax), symmetric sparse affinities, and gradient descent with early exaggeration, momentum and
 * per-coordinate gains, the repulsive forces summarised by a quadtree. {@link NeighbourPreservation}
 * measures how much of the original neighbourhoods a map keeps.
 */
package dev.seqlab.explorer.tsne;
