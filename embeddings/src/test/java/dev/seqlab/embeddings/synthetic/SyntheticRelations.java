package dev.seqlab.embeddings.synthetic;

import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.WordVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A corpus generated from a small grammar with relations built in, for checking that trained
 * vectors answer analogies. Every content word is a pair of factors — (role, gender) such as
 * king = (royal, male), or (place, kind) such as paris = (france, capital) — and each sentence
 * puts one content word among context words drawn from its two factors' own context words and
 * from filler words. Shared by the word2vec and GloVe tests. A word's vector then approximates the sum of its factors', so
 * {@code man : woman :: king : queen} and {@code france : paris :: japan : tokyo} hold.
 */
public final class SyntheticRelations {
    /** Male and female forms of six roles. */
    public static final String[][] GENDER_PAIRS = {
        {"king", "queen"},
        {"man", "woman"},
        {"boy", "girl"},
        {"prince", "princess"},
        {"father", "mother"},
        {"actor", "actress"}
    };
    /** Countries and their capitals. */
    public static final String[][] CAPITALS = {
        {"france", "paris"},
        {"japan", "tokyo"},
        {"italy", "rome"},
        {"egypt", "cairo"},
        {"peru", "lima"},
        {"kenya", "nairobi"},
        {"chile", "santiago"}
    };

    private SyntheticRelations() {}

    /** {@code sentences} sentences of 5–9 tokens from the seeded grammar. */
    public static List<List<String>> corpus(int sentences, long seed) {
        return corpus(sentences, seed, 0);
    }

    /**
     * As {@link #corpus(int, long)}, but each context word comes from another entity's or the
     * other side's context with probability {@code leak}: co-occurrence is then graded rather than
     * all or nothing (king meets female context words too, only less often), as in real text.
     * GloVe fits only the logarithms of counts that are not zero, so it needs such ratios to
     * place words; word2vec's negative samples push unseen pairs apart and learns from either.
     */
    public static List<List<String>> corpus(int sentences, long seed, double leak) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<List<String>> out = new ArrayList<>(sentences);
        for (int s = 0; s < sentences; s++) {
            boolean genderFamily = rnd.nextBoolean();
            String[][] family = genderFamily ? GENDER_PAIRS : CAPITALS;
            int entity = rnd.nextInt(family.length);
            int side = rnd.nextInt(2);
            String word = family[entity][side];
            int length = 4 + rnd.nextInt(5);
            List<String> sentence = new ArrayList<>(length + 1);
            for (int i = 0; i < length; i++) {
                double r = rnd.nextDouble();
                boolean leaks = leak > 0 && rnd.nextDouble() < leak;
                if (r < 0.4) {
                    int e = leaks ? (entity + 1 + rnd.nextInt(family.length - 1)) % family.length : entity;
                    sentence.add((genderFamily ? "role" : "place") + e + "_" + rnd.nextInt(4));
                } else if (r < 0.8) {
                    int sd = leaks ? 1 - side : side;
                    sentence.add((genderFamily ? (sd == 0 ? "male" : "female") : (sd == 0 ? "nation" : "city")) + "_"
                            + rnd.nextInt(4));
                } else {
                    sentence.add("filler" + rnd.nextInt(40));
                }
            }
            sentence.add(rnd.nextInt(sentence.size() + 1), word);
            out.add(sentence);
        }
        return out;
    }

    /**
     * The share of analogies a : b :: c : d over all ordered pairs of rows of {@code pairs}
     * (e.g. {@link #GENDER_PAIRS}) that rank d first.
     */
    public static double analogyAccuracy(WordVectors wv, String[][] pairs) {
        int right = 0;
        int asked = 0;
        for (String[] p : pairs) {
            for (String[] q : pairs) {
                if (p != q) {
                    asked++;
                    String answer = wv.analogy(p[0], p[1], q[0], AnalogyMethod.ADD, 1)
                            .get(0)
                            .word();
                    if (answer.equals(q[1])) {
                        right++;
                    }
                }
            }
        }
        return right / (double) asked;
    }
}
