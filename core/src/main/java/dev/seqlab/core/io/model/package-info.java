/**
 * Model directories: {@code config.json} (the architecture and its sizes) beside
 * {@code model.safetensors} (the parameters by name), written atomically and checked on reading.
 * Above the file formats it combines ({@code dev.seqlab.core.io.safetensors}, JSON), so that the
 * formats never depend back on it.
 */
package dev.seqlab.core.io.model;
