/** Measurements of the embedding explorer: request latency, t-SNE time and quality, and a load test. */
package dev.seqlab.bench.explorer;
