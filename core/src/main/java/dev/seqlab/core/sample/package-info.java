/**
 * The one sampling chain of seqlab, for every model that generates token by token: temperature
 * → top-k → top-p (nucleus) → categorical draw, on primitive arrays with reusable scratch buffers
 * and seeded through {@link dev.seqlab.core.random.SeededRandom}.
 *
 * <ul>
 *   <li>{@link dev.seqlab.core.sample.TokenSampler}: the chain with its settings and scratch; one
 *       per generating loop (not thread-safe).</li>
 *   <li>{@link dev.seqlab.core.sample.Truncation}: top-k and top-p on a probability vector.</li>
 *   <li>{@link dev.seqlab.core.sample.Categorical}: one draw from a probability vector.</li>
 *   <li>{@link dev.seqlab.core.sample.ProbabilityOrder}: indices by descending probability, ties
 *       by index, without boxing.</li>
 * </ul>
 * The temperature step is {@link dev.seqlab.core.kernel.Softmax#softmax(float[], int, int, double, double[])}.
 */
package dev.seqlab.core.sample;
