/** {@code seqlab info}: what this machine and JVM give seqlab (kernels, threads, cache directory). */
package dev.seqlab.cli.info;
