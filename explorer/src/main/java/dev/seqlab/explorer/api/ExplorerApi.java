package dev.seqlab.explorer.api;

import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.UnknownWordException;
import dev.seqlab.embeddings.WordVectors;
import dev.seqlab.embeddings.answers.AnswerDocuments;
import dev.seqlab.explorer.ExplorerOptions;
import dev.seqlab.sentences.SentenceEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The explorer's endpoints, each a function from the request's parameters to a JSON-ready
 * document (see {@code docs/explorer-api.md} for the list). Word queries answer exactly what the
 * matching {@code seqlab embeddings … --json} command prints. Thread-safe.
 */
public final class ExplorerApi implements AutoCloseable {
    private final WordVectors vectors;
    private final ExplorerOptions options;
    private final Map<String, Function<Params, Object>> endpoints = new LinkedHashMap<>();
    private final WordMaps maps;
    private volatile Completion completion;

    /**
     * The API over {@code vectors}; with {@code sentences} null the sentence endpoint answers 404.
     */
    public ExplorerApi(WordVectors vectors, SentenceEncoder sentences, ExplorerOptions options) {
        this.vectors = vectors;
        this.options = options;
        this.maps = new WordMaps(vectors, options.maxTsneJobs());
        BiasView bias = new BiasView(vectors);
        endpoints.put("info", p -> info(sentences != null));
        endpoints.put("complete", this::complete);
        endpoints.put("similar", this::similar);
        endpoints.put("analogy", this::analogy);
        endpoints.put("doesnt-match", this::doesntMatch);
        endpoints.put("similarity", this::similarity);
        endpoints.put("map", maps::map);
        endpoints.put("job", maps::job);
        endpoints.put("bias", bias::project);
        if (sentences != null) {
            SentenceView view = new SentenceView(sentences);
            endpoints.put("sentences", view::rank);
        }
    }

    /** The limits requests are checked against. */
    public ExplorerOptions options() {
        return options;
    }

    /**
     * The answer of {@code endpoint} ({@code similar}, {@code analogy}, …) to {@code params}.
     *
     * @throws ApiException 404 for an unknown endpoint, 400 for bad parameters or unknown words
     */
    public Object answer(String endpoint, Params params) {
        Function<Params, Object> f = endpoints.get(endpoint);
        if (f == null) {
            throw new ApiException(
                    404,
                    "no API endpoint '" + shorten(endpoint) + "'; there are " + String.join(", ", endpoints.keySet()));
        }
        try {
            return f.apply(params);
        } catch (UnknownWordException e) {
            throw new ApiException(400, e.getMessage(), e.suggestions());
        } catch (ApiException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private Map<String, Object> info(boolean sentences) {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_query_bytes", options.maxQueryBytes());
        limits.put("max_word_length", options.maxWordLength());
        limits.put("max_list_size", options.maxListSize());
        limits.put("max_top", options.maxTop());
        limits.put("max_map_points", options.maxMapPoints());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("words", vectors.size());
        doc.put("dimension", vectors.dimension());
        doc.put("sentences", sentences);
        doc.put("limits", limits);
        return doc;
    }

    private Map<String, Object> complete(Params p) {
        String prefix = p.optional("prefix");
        if (prefix == null || prefix.isEmpty()) {
            throw new ApiException(400, "missing parameter 'prefix'");
        }
        prefix = p.word("prefix");
        int top = p.integer("top", 10, 1, 100);
        Completion c = completion;
        if (c == null) {
            synchronized (this) {
                if (completion == null) {
                    completion = new Completion(vectors);
                }
                c = completion;
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("prefix", prefix);
        doc.put("words", c.complete(prefix, top));
        return doc;
    }

    private Map<String, Object> similar(Params p) {
        List<String> positive = p.words("word", 1);
        List<String> negative = p.words("negative", 0);
        int top = p.integer("top", 10, 1, options.maxTop());
        return AnswerDocuments.similar(positive, negative, vectors.mostSimilar(positive, negative, top));
    }

    private Map<String, Object> analogy(Params p) {
        String a = p.word("a");
        String b = p.word("b");
        String c = p.word("c");
        String m = p.optional("method");
        AnalogyMethod method = AnalogyMethod.fromName(m == null ? "add" : m);
        int top = p.integer("top", 5, 1, options.maxTop());
        return AnswerDocuments.analogy(a, b, c, method, vectors.analogy(a, b, c, method, top));
    }

    private Map<String, Object> doesntMatch(Params p) {
        List<String> words = p.words("word", 2);
        return AnswerDocuments.doesntMatch(words, vectors.doesntMatch(words));
    }

    private Map<String, Object> similarity(Params p) {
        String w1 = p.word("word1");
        String w2 = p.word("word2");
        return AnswerDocuments.similarity(w1, w2, vectors.similarity(w1, w2));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    @Override
    public void close() {
        maps.close();
    }
}
