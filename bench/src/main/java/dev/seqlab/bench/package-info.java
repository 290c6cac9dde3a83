/**
 * JMH benchmarks and side-by-side comparisons with the peers (OpenBLAS, gensim, PyTorch).
 * Build with {@code mvn -pl bench -am package}; run {@code java -jar bench/target/benchmarks.jar REGEX}.
 */
package dev.seqlab.bench;
