/**
 * Files: safetensors model files, atomic writes (temporary file, then rename), and
 * {@link dev.seqlab.core.io.MalformedFileException}, the exception every reader throws for
 * content it cannot accept, naming the file and, where it applies, the line.
 */
package dev.seqlab.core.io;
