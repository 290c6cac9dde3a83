package dev.seqlab.bench;

/**
 * The GEMM shapes of a recurrent layer's step on a batch: the gate pre-activations
 * {@code Z[B×4H] = [h, x][B×(H+V)] · W[(H+V)×4H]} (LSTM: four gates), and the two backward
 * products: the weight gradient {@code dW += [h,x]ᵀ · dZ} and the input gradient
 * {@code d[h,x] = dZ · Wᵀ}.
 */
enum RnnShape {
    /** Character LSTM of the dinosaur-name exercise: H=50, V=27. */
    H50_V27(32, 50, 27),
    /** Character LSTM on text, layer 1: H=256, V=65. */
    H256_V65(32, 256, 65),
    /** Its second layer: input is the first layer's 256 outputs. */
    H256_L2(32, 256, 256),
    /** A wide layer: H=512, V=65. */
    H512_V65(32, 512, 65);

    final int batch;
    final int hidden;
    final int input;

    RnnShape(int batch, int hidden, int input) {
        this.batch = batch;
        this.hidden = hidden;
        this.input = input;
    }

    /** Rows of the concatenated [h, x] (= K of the forward product). */
    int concat() {
        return hidden + input;
    }

    /** Columns of the gate block, 4H. */
    int gates() {
        return 4 * hidden;
    }

    /** Floating-point operations of one product (all three have the same count). */
    double flops() {
        return 2.0 * batch * concat() * gates();
    }
}
