/** {@link dev.seqlab.generators.cache.CachedModel}: default models trained on first use and kept under {@code $SEQLAB_HOME}. */
package dev.seqlab.generators.cache;
