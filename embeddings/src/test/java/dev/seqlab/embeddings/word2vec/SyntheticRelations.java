package dev.seqlab.embeddings.word2vec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A corpus generated from a small grammar with relations built in, for checking that trained
 * vectors answer analogies. Every content word is a pair of factors — (role, gender) such as
 * king = (royal, male), or (place, kind) such as paris = (france, capital) — and each sentence
 * puts one content word among context words drawn from its two factors' own context words and
 * from filler words. A word's vector then approximates the sum of its factors', so
 * {@code man : woman :: king : queen} and {@code france : paris :: japan : tokyo} hold.
 */
final class SyntheticRelations {
    /** Male and female forms of six roles. */
    static final String[][] GENDER_PAIRS = {
        {"king", "queen"}, {"man", "woman"}, {"boy", "girl"}, {"prince", "princess"}, {"father", "mother"},
        {"actor", "actress"}};
    /** Countries and their capitals. */
    static final String[][] CAPITALS = {
        {"france", "paris"}, {"japan", "tokyo"}, {"italy", "rome"}, {"egypt", "cairo"}, {"peru", "lima"},
        {"kenya", "nairobi"}, {"chile", "santiago"}};

    private SyntheticRelations() {
    }

    /** {@code sentences} sentences of 5–9 tokens from the seeded grammar. */
    static List<List<String>> corpus(int sentences, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<List<String>> out = new ArrayList<>(sentences);
        for (int s = 0; s < sentences; s++) {
            boolean genderFamily = rnd.nextBoolean();
            String[][] family = genderFamily ? GENDER_PAIRS : CAPITALS;
            int entity = rnd.nextInt(family.length);
            int side = rnd.nextInt(2);
            String word = family[entity][side];
            String entityContext = (genderFamily ? "role" : "place") + entity + "_";
            String sideContext = (genderFamily ? (side == 0 ? "male" : "female") : (side == 0 ? "nation" : "city")) + "_";
            int length = 4 + rnd.nextInt(5);
            List<String> sentence = new ArrayList<>(length + 1);
            for (int i = 0; i < length; i++) {
                double r = rnd.nextDouble();
                if (r < 0.4) {
                    sentence.add(entityContext + rnd.nextInt(4));
                } else if (r < 0.8) {
                    sentence.add(sideContext + rnd.nextInt(4));
                } else {
                    sentence.add("filler" + rnd.nextInt(40));
                }
            }
            sentence.add(rnd.nextInt(sentence.size() + 1), word);
            out.add(sentence);
        }
        return out;
    }
}
