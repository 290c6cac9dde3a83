/**
 * Files: safetensors model files, atomic writes (temporary file, then rename), and
 * {@link dev.seqlab.core.io.MalformedFileException}, the exception every reader throws for
 * content it cannot accept, naming the file and, where it applies, the line, and
 * {@link dev.seqlab.core.io.InputFiles}, which refuses directories, devices and pipes given as input files;
 * {@link dev.seqlab.core.io.GzipInput} reports damaged gzip data as malformed, naming the file.
 */
package dev.seqlab.core.io;
