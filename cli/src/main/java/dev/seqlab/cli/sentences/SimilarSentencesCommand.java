package dev.seqlab.cli.sentences;

import dev.seqlab.cli.CliCommand;
import dev.seqlab.cli.TextTable;
import dev.seqlab.cli.options.JsonOption;
import dev.seqlab.core.io.InputFiles;
import dev.seqlab.core.io.MalformedFileException;
import dev.seqlab.sentences.SentenceEncoder;
import dev.seqlab.sentences.SentenceEncoderOptions;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqlab sentences similar}: ranks sentences by cosine similarity of their embeddings to a query. */
@Command(
        name = "similar",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Rank sentences by how close their meaning is to QUERY.",
            "Closeness is the cosine similarity of their sentence embeddings (mean-pooled,",
            "unit length).",
            "The sentences are the SENTENCE arguments or the lines of --corpus",
            "(blank lines skipped; each row names its line). Texts longer than the model's maximum length",
            "(128 tokens for the bundled model) are truncated."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  seqlab sentences similar \"a dog runs in the park\" \\",
            "      \"a puppy is running on grass\" \"the stock market fell today\"",
            "  seqlab sentences similar --top 3 --json \"How do I reset my password?\" \\",
            "      --corpus faq.txt",
            "  seqlab sentences similar --model my-model-dir \"query\" --corpus lines.txt",
            "",
            "A model directory holds model.onnx (or onnx/model.onnx) and",
            "tokenizer.json, as Hugging Face repositories of BERT-style sentence",
            "encoders (MiniLM, MPNet, BGE, ...) provide them."
        })
public final class SimilarSentencesCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "QUERY", description = "The sentence to compare with.")
    String query;

    @Parameters(index = "1..*", paramLabel = "SENTENCE", description = "Sentences to rank (or use --corpus).")
    List<String> sentences = new ArrayList<>();

    @Option(
            names = "--corpus",
            paramLabel = "FILE",
            description = "Rank the lines of FILE (UTF-8, one sentence per line).")
    Path corpus;

    @Option(
            names = "--model",
            defaultValue = SentenceEncoder.BUNDLED_MODEL,
            paramLabel = "NAME|DIR",
            description = {"A bundled model or a model directory.", "Default: ${DEFAULT-VALUE}."})
    String model;

    @Option(
            names = "--top",
            defaultValue = "10",
            paramLabel = "N",
            description = "How many sentences to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(
            names = "--max-length",
            defaultValue = "0",
            paramLabel = "TOKENS",
            description = "Truncate texts to this many tokens; 0 keeps the model's own limit (default).")
    int maxLength;

    @Mixin
    JsonOption json;

    /** One ranked sentence: where it came from (1-based line or argument number), its text and score. */
    private record Ranked(int source, String sentence, double similarity) {}

    @Override
    protected int run() throws Exception {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        if (maxLength < 0) {
            throw new IllegalArgumentException("--max-length must be 0 (the model's) or positive, got " + maxLength);
        }
        if (corpus != null && !sentences.isEmpty()) {
            throw new IllegalArgumentException(
                    "give the sentences to rank either with --corpus or as arguments, not both");
        }
        List<String> texts = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        if (corpus != null) {
            readCorpus(texts, sources);
        } else {
            for (int i = 0; i < sentences.size(); i++) {
                texts.add(sentences.get(i));
                sources.add(i + 1);
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(
                    "no sentences to rank: give them as arguments after QUERY or with --corpus FILE");
        }
        SentenceEncoderOptions options = SentenceEncoderOptions.DEFAULT.withMaxLength(maxLength);
        List<Ranked> ranked = new ArrayList<>();
        String modelName;
        try (SentenceEncoder encoder = SentenceEncoder.load(model, options)) {
            modelName = encoder.name();
            float[] q = encoder.encode(query);
            float[][] v = encoder.encode(texts, progress());
            for (int i = 0; i < texts.size(); i++) {
                ranked.add(new Ranked(sources.get(i), texts.get(i), dot(q, v[i])));
            }
        }
        // best first; equal scores keep their input order
        ranked.sort(Comparator.comparingDouble(Ranked::similarity).reversed());
        List<Ranked> shown = ranked.subList(0, Math.min(top, ranked.size()));
        if (json.enabled()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("query", query);
            doc.put("model", modelName);
            doc.put("sentences", texts.size());
            List<Map<String, Object>> results = new ArrayList<>();
            for (Ranked r : shown) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(corpus != null ? "line" : "argument", r.source());
                m.put("sentence", r.sentence());
                m.put("similarity", r.similarity());
                results.add(m);
            }
            doc.put("results", results);
            printJson(doc);
        } else {
            // a ranking, not a filter: with --corpus each row names the line it ranks
            TextTable t = corpus != null
                    ? new TextTable("rank", "cosine", "line", "sentence")
                    : new TextTable("rank", "cosine", "sentence");
            int rank = 1;
            for (Ranked r : shown) {
                String cosine = String.format(Locale.ROOT, "%.4f", r.similarity());
                if (corpus != null) {
                    t.row(rank++, cosine, r.source(), r.sentence());
                } else {
                    t.row(rank++, cosine, r.sentence());
                }
            }
            t.print(out());
        }
        return 0;
    }

    private void readCorpus(List<String> texts, List<Integer> lines) throws IOException {
        InputFiles.requireRegularFile(corpus, "a text file");
        int line = 0;
        try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            for (String s = in.readLine(); s != null; s = in.readLine()) {
                line++;
                if (!s.isBlank()) {
                    texts.add(s.strip());
                    lines.add(line);
                }
            }
        } catch (CharacterCodingException e) {
            throw new MalformedFileException(corpus, firstBadLine(corpus), "not UTF-8 text", e);
        }
        if (texts.isEmpty()) {
            throw new MalformedFileException(corpus, 0, "holds no sentences (one sentence per line expected)");
        }
    }

    /**
     * The line holding the first byte sequence that is not UTF-8 (the buffered reader decodes
     * ahead, so the line it had reached says nothing); 0 if none is found.
     */
    private static long firstBadLine(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        long line = 1;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream current = new ByteArrayOutputStream();
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b < 0) {
                    try {
                        decoder.decode(ByteBuffer.wrap(current.toByteArray()));
                    } catch (CharacterCodingException e) {
                        return line;
                    }
                    if (b < 0) {
                        return 0;
                    }
                    current.reset();
                    line++;
                } else {
                    current.write(b);
                }
            }
        }
    }

    /** The cosine of two unit vectors. */
    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
