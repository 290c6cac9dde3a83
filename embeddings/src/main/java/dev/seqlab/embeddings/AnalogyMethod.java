package dev.seqlab.embeddings;

import java.util.Locale;

/** How an analogy "a is to b as c is to ?" is solved (Levy and Goldberg, 2014). */
public enum AnalogyMethod {
    /** 3CosAdd: the words closest to b − a + c (of unit vectors); gensim's {@code most_similar}. */
    ADD,
    /**
     * 3CosMul: the words maximising cos'(x, b)·cos'(x, c) / (cos'(x, a) + 1e-6) with
     * cos' = (1 + cos) / 2; gensim's {@code most_similar_cosmul}.
     */
    MUL;

    /**
     * The method named {@code add} or {@code mul} (case-insensitive).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static AnalogyMethod fromName(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "add":
            case "3cosadd":
                return ADD;
            case "mul":
            case "3cosmul":
                return MUL;
            default:
                throw new IllegalArgumentException("unknown analogy method '" + name + "': expected add or mul");
        }
    }
}
