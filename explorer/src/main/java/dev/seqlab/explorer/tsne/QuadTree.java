package dev.seqlab.explorer.tsne;

import java.util.Arrays;

/**
 * A quadtree over 2-D points with each cell's count and centre of mass, for the Barnes–Hut sums
 * of t-SNE's repulsive forces. Nodes live in parallel arrays (children of a node are four
 * consecutive nodes); the points of each cell are a range of one permutation array, so a leaf can
 * hold several points that coincide.
 */
final class QuadTree {
    private static final int MAX_DEPTH = 48;

    private final double[] y;
    private final int[] perm;
    private int size;
    private double[] cx = new double[64];
    private double[] cy = new double[64];
    private double[] halfWidth = new double[64];
    private double[] massX = new double[64];
    private double[] massY = new double[64];
    private int[] count = new int[64];
    private int[] firstChild = new int[64];
    private int[] start = new int[64];
    private int[] scratch;
    /** Per node, for the traversal: centre of mass x, y, squared width, count (4 doubles per node). */
    private double[] packed;
    /** Per node: first child (−1 for a leaf) and the start of its points in {@link #perm} (2 ints per node). */
    private int[] links;

    /** The tree of the n points {@code y} (x0, y0, x1, y1, …). */
    QuadTree(double[] y, int n) {
        this.y = y;
        this.perm = new int[n];
        this.scratch = new int[n];
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            perm[i] = i;
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        double hw = Math.max(maxX - minX, maxY - minY) / 2 + 1e-5;
        int root = newNode((minX + maxX) / 2, (minY + maxY) / 2, hw);
        build(root, 0, n, 0);
        pack();
    }

    /** Copies what the traversal reads into two interleaved arrays: one or two cache lines per node. */
    private void pack() {
        packed = new double[4 * size];
        links = new int[2 * size];
        for (int node = 0; node < size; node++) {
            double width = 2 * halfWidth[node];
            packed[4 * node] = massX[node];
            packed[4 * node + 1] = massY[node];
            packed[4 * node + 2] = width * width;
            packed[4 * node + 3] = count[node];
            links[2 * node] = firstChild[node];
            links[2 * node + 1] = start[node];
        }
    }

    private int newNode(double x, double yc, double hw) {
        if (size == cx.length) {
            int c = size * 2;
            cx = Arrays.copyOf(cx, c);
            cy = Arrays.copyOf(cy, c);
            halfWidth = Arrays.copyOf(halfWidth, c);
            massX = Arrays.copyOf(massX, c);
            massY = Arrays.copyOf(massY, c);
            count = Arrays.copyOf(count, c);
            firstChild = Arrays.copyOf(firstChild, c);
            start = Arrays.copyOf(start, c);
        }
        cx[size] = x;
        cy[size] = yc;
        halfWidth[size] = hw;
        firstChild[size] = -1;
        return size++;
    }

    private void build(int node, int from, int to, int depth) {
        double sx = 0;
        double sy = 0;
        for (int p = from; p < to; p++) {
            sx += y[2 * perm[p]];
            sy += y[2 * perm[p] + 1];
        }
        int n = to - from;
        count[node] = n;
        start[node] = from;
        massX[node] = n > 0 ? sx / n : 0;
        massY[node] = n > 0 ? sy / n : 0;
        if (n <= 1 || depth >= MAX_DEPTH) {
            return;
        }
        // counting sort of the range into the four quadrants: 0 = (−,−), 1 = (+,−), 2 = (−,+), 3 = (+,+)
        int[] quadrantCount = new int[4];
        for (int p = from; p < to; p++) {
            quadrantCount[quadrant(node, perm[p])]++;
        }
        int[] offset = {from, 0, 0, 0};
        for (int q = 1; q < 4; q++) {
            offset[q] = offset[q - 1] + quadrantCount[q - 1];
        }
        int[] next = offset.clone();
        for (int p = from; p < to; p++) {
            scratch[next[quadrant(node, perm[p])]++] = perm[p];
        }
        System.arraycopy(scratch, from, perm, from, n);
        double h = halfWidth[node] / 2;
        double x0 = cx[node];
        double y0 = cy[node];
        int first = size;
        for (int q = 0; q < 4; q++) {
            newNode(x0 + ((q & 1) == 0 ? -h : h), y0 + ((q & 2) == 0 ? -h : h), h);
        }
        firstChild[node] = first;
        for (int q = 0; q < 4; q++) {
            build(first + q, offset[q], offset[q] + quadrantCount[q], depth + 1);
        }
    }

    private int quadrant(int node, int point) {
        return (y[2 * point] >= cx[node] ? 1 : 0) + (y[2 * point + 1] >= cy[node] ? 2 : 0);
    }

    /**
     * The repulsion on point i: adds {@code Σ q²·(y_i − y_j)} to {@code force[0..1]} and returns
     * {@code Σ q} over all j ≠ i, with {@code q = 1 / (1 + |y_i − y_j|²)}, cells narrower than
     * {@code theta} times their distance taken as one point at their centre of mass.
     */
    double repulsion(int i, double theta, int[] stack, double[] force) {
        double px = y[2 * i];
        double py = y[2 * i + 1];
        double theta2 = theta * theta;
        double[] node4 = packed;
        int[] link2 = links;
        double z = 0;
        double fx = 0;
        double fy = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            int o = 4 * node;
            double c = node4[o + 3];
            if (c == 0) {
                continue;
            }
            int child = link2[2 * node];
            if (child < 0) {
                for (int p = link2[2 * node + 1], end = p + (int) c; p < end; p++) {
                    int j = perm[p];
                    if (j == i) {
                        continue;
                    }
                    double dx = px - y[2 * j];
                    double dy = py - y[2 * j + 1];
                    double q = 1 / (1 + dx * dx + dy * dy);
                    z += q;
                    fx += q * q * dx;
                    fy += q * q * dy;
                }
                continue;
            }
            double dx = px - node4[o];
            double dy = py - node4[o + 1];
            double d2 = dx * dx + dy * dy;
            if (node4[o + 2] < theta2 * d2) {
                double q = 1 / (1 + d2);
                double cq = c * q;
                z += cq;
                fx += cq * q * dx;
                fy += cq * q * dy;
            } else {
                stack[top++] = child;
                stack[top++] = child + 1;
                stack[top++] = child + 2;
                stack[top++] = child + 3;
            }
        }
        force[0] += fx;
        force[1] += fy;
        return z;
    }

    /** A stack deep enough for {@link #repulsion}. */
    int[] newStack() {
        return new int[4 * MAX_DEPTH + 8];
    }
}
