package dev.seqlab.embeddings.shell;

import dev.seqlab.embeddings.AnalogyMethod;
import dev.seqlab.embeddings.ApproximateQueries;
import dev.seqlab.embeddings.Neighbor;
import dev.seqlab.embeddings.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Answers typed queries ({@link QueryParser}) against loaded word vectors, line by line until
 * end of input or {@code quit}. A line that cannot be answered (bad syntax, unknown word) gets a
 * one-line message on the error stream, with spelling suggestions for unknown words, and the
 * session goes on.
 *
 * <pre>{@code
 * new QueryShell(wv, 10, AnalogyMethod.ADD).run(reader, out, err, System.console() != null);
 * }</pre>
 */
public final class QueryShell {
    /** The prompt shown before each line when the input is a terminal. */
    public static final String PROMPT = "> ";

    private final WordVectors vectors;
    private final AnalogyMethod method;
    private final ApproximateQueries approximate;
    private final QueryParser parser = new QueryParser();
    private int top;

    /**
     * A shell over {@code vectors} listing {@code top} answers per query.
     *
     * @throws IllegalArgumentException if {@code top} is not in [1, 1000]
     */
    public QueryShell(WordVectors vectors, int top, AnalogyMethod method) {
        this(vectors, top, method, null);
    }

    /**
     * A shell answering neighbour, arithmetic and analogy queries through {@code approximate}
     * (approximate search; exact when null).
     *
     * @throws IllegalArgumentException if {@code top} is not in [1, 1000], or approximate analogies
     *                                  are asked by a method other than {@link AnalogyMethod#ADD}
     */
    public QueryShell(WordVectors vectors, int top, AnalogyMethod method, ApproximateQueries approximate) {
        if (top < 1 || top > 1000) {
            throw new IllegalArgumentException("the number of answers must be in [1, 1000], got " + top);
        }
        if (approximate != null && method != AnalogyMethod.ADD) {
            throw new IllegalArgumentException("approximate search answers analogies by 3CosAdd (method add) only");
        }
        this.vectors = vectors;
        this.top = top;
        this.method = method;
        this.approximate = approximate;
    }

    private List<Neighbor> similar(String word) {
        return approximate != null ? approximate.mostSimilar(word, top) : vectors.mostSimilar(word, top);
    }

    private List<Neighbor> similar(List<String> positive, List<String> negative) {
        return approximate != null
                ? approximate.mostSimilar(positive, negative, top, 0)
                : vectors.mostSimilar(positive, negative, top);
    }

    private List<Neighbor> analogy(Query.Analogy a) {
        return approximate != null
                ? approximate.analogy(a.a(), a.b(), a.c(), top)
                : vectors.analogy(a.a(), a.b(), a.c(), method, top);
    }

    /**
     * Reads queries from {@code in} until end of input or {@code quit}, answering on {@code out}
     * and reporting unanswerable lines on {@code err}.
     *
     * <p>On a terminal ({@code interactive}) it greets, prompts and answers with tables. Otherwise
     * (a script or a pipe) it is a filter that keeps step with its input: exactly one line per input
     * line, in order, {@code INPUT<TAB>ANSWER} — neighbours as {@code word cosine, word cosine …}
     * (several query words: {@code word: …; word: …}), a similarity as its cosine, the odd one out as
     * the word — or {@code INPUT<TAB><TAB>REASON} for a line it cannot answer (the reason also goes
     * to {@code err}). {@code quit} ends the input like its end does.
     *
     * @param interactive print a greeting and a prompt (for a terminal; leave off when input is piped)
     * @return the number of lines that could not be answered
     */
    public int run(BufferedReader in, PrintWriter out, PrintWriter err, boolean interactive) throws IOException {
        int failed = 0;
        if (interactive) {
            out.printf(
                    Locale.ROOT,
                    "%,d words, %d dimensions. Type 'help' for the syntax, Ctrl-D to leave.%n",
                    vectors.size(),
                    vectors.dimension());
        }
        while (true) {
            if (interactive) {
                out.print(PROMPT);
            }
            out.flush();
            String line = in.readLine();
            if (line == null) {
                if (interactive) {
                    out.println();
                }
                break;
            }
            try {
                Query q = parser.parse(line);
                if (q instanceof Query.Quit) {
                    break;
                }
                if (interactive) {
                    answer(q, out);
                } else {
                    out.println(line + "\t" + answerLine(q));
                }
                List<String> oov = oovWords(q);
                if (!oov.isEmpty()) {
                    (interactive ? out : err).println(oovNote(oov));
                    err.flush();
                }
            } catch (IllegalArgumentException e) {
                failed++;
                if (!interactive) {
                    out.println(line + "\t\t" + e.getMessage());
                }
                out.flush();
                err.println(e.getMessage());
                err.flush();
            }
        }
        out.flush();
        return failed;
    }

    /**
     * Answers one query on {@code out}.
     *
     * @throws IllegalArgumentException (e.g. {@link dev.seqlab.embeddings.UnknownWordException})
     *                                  when it cannot be answered
     */
    public void answer(Query query, PrintWriter out) {
        if (query instanceof Query.Neighbours n) {
            for (String w : n.words()) {
                vectors.lookup(w);
            }
            for (String w : n.words()) {
                out.println(w + ":");
                print(similar(w), out);
            }
        } else if (query instanceof Query.Analogy a) {
            List<Neighbor> answers = analogy(a);
            out.printf(
                    Locale.ROOT,
                    "%s : %s :: %s : %s%n",
                    a.a(),
                    a.b(),
                    a.c(),
                    answers.isEmpty() ? "?" : answers.get(0).word());
            print(answers, out);
        } else if (query instanceof Query.Arithmetic s) {
            print(similar(s.positive(), s.negative()), out);
        } else if (query instanceof Query.Similarity s) {
            out.printf(
                    Locale.ROOT,
                    "similarity(%s, %s) = %.4f%n",
                    s.first(),
                    s.second(),
                    vectors.similarity(s.first(), s.second()));
        } else if (query instanceof Query.OddOneOut o) {
            out.println("odd one out: " + vectors.doesntMatch(o.words()));
        } else if (query instanceof Query.SetTop t) {
            top = t.count();
            out.println("listing " + top + " answers from now on");
        } else if (query instanceof Query.Help) {
            out.println(QueryParser.HELP);
        } else if (!(query instanceof Query.Blank) && !(query instanceof Query.Quit)) {
            throw new IllegalStateException("unhandled query " + query);
        }
    }

    /**
     * Answers one query on one line (the filter form of {@link #answer}).
     *
     * @throws IllegalArgumentException when it cannot be answered
     */
    public String answerLine(Query query) {
        if (query instanceof Query.Neighbours n) {
            for (String w : n.words()) {
                vectors.lookup(w);
            }
            if (n.words().size() == 1) {
                return inline(similar(n.words().get(0)));
            }
            StringJoiner all = new StringJoiner("; ");
            for (String w : n.words()) {
                all.add(w + ": " + inline(similar(w)));
            }
            return all.toString();
        } else if (query instanceof Query.Analogy a) {
            return inline(analogy(a));
        } else if (query instanceof Query.Arithmetic s) {
            return inline(similar(s.positive(), s.negative()));
        } else if (query instanceof Query.Similarity s) {
            return String.format(Locale.ROOT, "%.4f", vectors.similarity(s.first(), s.second()));
        } else if (query instanceof Query.OddOneOut o) {
            return vectors.doesntMatch(o.words());
        } else if (query instanceof Query.SetTop t) {
            top = t.count();
            return "top " + top;
        } else if (query instanceof Query.Help) {
            return QueryParser.HELP.replace("\n", " | ");
        } else if (query instanceof Query.Blank) {
            return "";
        }
        throw new IllegalStateException("unhandled query " + query);
    }

    /**
     * The words of {@code query} that are out of the vocabulary but were answered from their
     * subwords (vectors from a fastText model), in order, each once.
     */
    public List<String> oovWords(Query query) {
        List<String> words = new ArrayList<>();
        if (query instanceof Query.Neighbours n) {
            words.addAll(n.words());
        } else if (query instanceof Query.Analogy a) {
            words.addAll(List.of(a.a(), a.b(), a.c()));
        } else if (query instanceof Query.Arithmetic s) {
            words.addAll(s.positive());
            words.addAll(s.negative());
        } else if (query instanceof Query.Similarity s) {
            words.addAll(List.of(s.first(), s.second()));
        } else if (query instanceof Query.OddOneOut o) {
            words.addAll(o.words());
        }
        return words.stream().distinct().filter(vectors::isOov).toList();
    }

    /** The note shown when {@code oov} words were answered from their subwords. */
    public static String oovNote(List<String> oov) {
        return "(not in the vocabulary, vector from character n-grams: " + String.join(", ", oov) + ")";
    }

    private static String inline(List<Neighbor> neighbours) {
        StringJoiner line = new StringJoiner(", ");
        for (Neighbor n : neighbours) {
            line.add(String.format(Locale.ROOT, "%s %.4f", n.word(), n.score()));
        }
        return line.toString();
    }

    private static void print(List<Neighbor> neighbours, PrintWriter out) {
        int width = 0;
        for (Neighbor n : neighbours) {
            width = Math.max(width, n.word().length());
        }
        int rank = 1;
        for (Neighbor n : neighbours) {
            out.printf(Locale.ROOT, "%4d  %-" + width + "s  %.4f%n", rank++, n.word(), n.score());
        }
    }
}
