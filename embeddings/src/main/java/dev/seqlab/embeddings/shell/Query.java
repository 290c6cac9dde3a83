package dev.seqlab.embeddings.shell;

import java.util.List;

/** One parsed line of the word-vector shell. */
public sealed interface Query {

    /** {@code king}: the nearest neighbours of each word, in turn. */
    record Neighbours(List<String> words) implements Query {
        /** Copies the list. */
        public Neighbours {
            words = List.copyOf(words);
        }
    }

    /** {@code man : woman :: king : ?}: a is to b as c is to what? */
    record Analogy(String a, String b, String c) implements Query {}

    /** {@code king - man + woman}: the nearest neighbours of the sum of signed word vectors. */
    record Arithmetic(List<String> positive, List<String> negative) implements Query {
        /** Copies the lists. */
        public Arithmetic {
            positive = List.copyOf(positive);
            negative = List.copyOf(negative);
        }
    }

    /** {@code sim cat dog}: the cosine similarity of two words. */
    record Similarity(String first, String second) implements Query {}

    /** {@code odd breakfast cereal dinner lunch}: the word that fits least with the others. */
    record OddOneOut(List<String> words) implements Query {
        /** Copies the list. */
        public OddOneOut {
            words = List.copyOf(words);
        }
    }

    /** {@code top 5}: how many answers later queries list. */
    record SetTop(int count) implements Query {}

    /** {@code help}: lists the syntax. */
    record Help() implements Query {}

    /** {@code quit} or {@code exit}: ends the session (as end of input does). */
    record Quit() implements Query {}

    /** A blank line or a {@code #} comment: nothing to do. */
    record Blank() implements Query {}
}
