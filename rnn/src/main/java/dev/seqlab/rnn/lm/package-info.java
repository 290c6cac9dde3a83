/**
 * Character-level language models ({@link dev.seqlab.rnn.lm.CharLanguageModel}): vocabulary,
 * batches from running text or from lists of lines (names), training, sampling with temperature,
 * top-k and top-p, and model files (config.json + model.safetensors).
 */
package dev.seqlab.rnn.lm;
