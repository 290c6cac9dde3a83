package dev.seqlab.embeddings.ann;

/**
 * An approximate-search index section that is inconsistent (damaged or truncated): its header
 * disagrees with its length or with the vectors, or a link leads outside the graph. Rebuild it
 * with {@code seqlab embeddings index}.
 */
public final class CorruptIndexException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An index found corrupt, for the reason given. */
    public CorruptIndexException(String problem) {
        super("corrupt approximate-search index: " + problem + " (rebuild it: seqlab embeddings index --vectors FILE)");
    }
}
