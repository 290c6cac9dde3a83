package dev.seqlab.corpora.text;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/** A {@link Corpus} over sentences held in a list. */
final class InMemoryCorpus implements Corpus {
    private final List<? extends List<String>> sentences;

    InMemoryCorpus(List<? extends List<String>> sentences) {
        this.sentences = Objects.requireNonNull(sentences, "sentences");
    }

    @Override
    public SentenceReader open() {
        Iterator<? extends List<String>> it = sentences.iterator();
        return new SentenceReader() {
            @Override
            public List<String> next() {
                while (it.hasNext()) {
                    List<String> s = it.next();
                    if (s == null) {
                        throw new IllegalArgumentException("the sentence list contains null");
                    }
                    if (!s.isEmpty()) {
                        return new ArrayList<>(s);
                    }
                }
                return null;
            }

            @Override
            public void close() {}
        };
    }
}
