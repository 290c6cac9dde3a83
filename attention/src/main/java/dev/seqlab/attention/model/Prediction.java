package dev.seqlab.attention.model;

/**
 * A decoded output sequence.
 *
 * @param ids           the output ids
 * @param probabilities each output's probability under the model (given the outputs before it)
 * @param attention     for each output, the weights over the input positions {@code [Tx]}
 */
public record Prediction(int[] ids, double[] probabilities, float[][] attention) {}
