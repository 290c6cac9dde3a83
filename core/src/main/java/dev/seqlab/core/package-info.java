/**
 * The foundation every other seqlab module stands on: float32 tensors and the kernels that
 * work on them, trainable parameters, initialisers, optimisers, the one training loop, gradient checking
 * and the safetensors model-file format. Depends on nothing but slf4j-api and Jackson (for JSON headers).
 */
package dev.seqlab.core;
