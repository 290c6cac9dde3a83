package dev.seqlab.explorer.api;

import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.answers.AnswerDocuments;
import dev.seqlab.embeddings.debias.DebiasLists;
import dev.seqlab.embeddings.debias.DebiasPreview;
import dev.seqlab.embeddings.debias.Debiaser;
import dev.seqlab.embeddings.debias.WordPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bias view: {@code GET /api/bias?pair=he:she&pair=man:woman&word=doctor&word=nurse} projects
 * the words on the direction the pairs define, before and after hard debiasing (the neutral words
 * neutralized, the pairs equalized), as {@code seqlab embeddings debias --json} reports them. Without
 * pairs the bundled gender pairs are used; without words, the bundled neutral words.
 */
final class BiasView {
    private final WordVectors vectors;

    BiasView(WordVectors vectors) {
        this.vectors = vectors;
    }

    Map<String, Object> project(Params p) {
        List<String> given = p.words("pair", 0);
        List<WordPair> pairs = new ArrayList<>();
        for (String s : given) {
            int colon = s.indexOf(':');
            if (colon <= 0 || colon == s.length() - 1) {
                throw new ApiException(400, "a 'pair' is two words joined by ':' (he:she), got '" + s + "'");
            }
            pairs.add(pair(s.substring(0, colon).strip(), s.substring(colon + 1).strip()));
        }
        if (pairs.isEmpty()) {
            pairs = DebiasLists.defaultPairs();
        }
        List<String> words = p.words("word", 0);
        if (words.isEmpty()) {
            words = DebiasLists.defaultNeutralWords();
        }
        DebiasPreview r = Debiaser.preview(vectors, new DebiasLists(pairs, pairs, words));
        return AnswerDocuments.biasProjections(r.direction(), r.directionPairs(), r.projections(), r.missing());
    }

    private static WordPair pair(String a, String b) {
        try {
            return new WordPair(a, b);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }
}
