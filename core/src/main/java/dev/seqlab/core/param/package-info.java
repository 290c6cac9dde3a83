/**
 * Trainable parameters: {@link dev.seqlab.core.param.Parameter} (a named value tensor with its
 * gradient) and {@link dev.seqlab.core.param.Parameters}, the ordered set a model hands to its
 * optimiser, gradient clipping, the gradient checker and the safetensors writer.
 */
package dev.seqlab.core.param;
