package dev.seqlab.sentences;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqlab.core.io.MalformedFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A BERT-style WordPiece tokenizer read from a Hugging Face {@code tokenizer.json}: added
 * (special) tokens matched first, then {@code BertNormalizer}, {@code BertPreTokenizer}, the
 * {@code WordPiece} model (greedy longest match, {@code ##} continuations, {@code [UNK]} for a
 * word with no spelling in the vocabulary or longer than {@code max_input_chars_per_word}),
 * truncation, and the post-processor's template ({@code [CLS] … [SEP]} with token type ids).
 * It gives the same token ids as Hugging Face's own tokenizers library for the files it accepts.
 *
 * <pre>{@code
 * WordPieceTokenizer tok = WordPieceTokenizer.read(Path.of("tokenizer.json"));
 * Encoding e = tok.encode("Café naïve!");   // ids [101, 7668, 15743, 999, 102]
 * e.tokens();                                // [[CLS], cafe, naive, !, [SEP]]
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class WordPieceTokenizer {

    /** The maximum length when the file sets no truncation: BERT models' 512 positions. */
    public static final int DEFAULT_MAX_LENGTH = 512;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A token matched in the text before normalisation or word splitting. */
    private record AddedToken(
            String content, int id, boolean singleWord, boolean lstrip, boolean rstrip, boolean normalized) {}

    /** One piece of the post-processing template: special tokens, or the sequence (ids null). */
    private record Piece(int[] ids, String[] tokens, int typeId) {}

    private final Map<String, Integer> vocab;
    private final String[] tokensById;
    private final String unkToken;
    private final int unkId;
    private final String continuingPrefix;
    private final int maxInputCharsPerWord;
    private final BertNormalizer normalizer;
    private final List<AddedToken> rawAddedTokens;
    private final List<AddedToken> normalizedAddedTokens;
    private final List<Piece> template;
    private final int specialTokenCount;
    private final int maxLength;
    private final boolean truncateLeft;
    private final int padId;
    private final int padTypeId;

    private WordPieceTokenizer(
            Map<String, Integer> vocab,
            String unkToken,
            String continuingPrefix,
            int maxInputCharsPerWord,
            BertNormalizer normalizer,
            List<AddedToken> added,
            List<Piece> template,
            int maxLength,
            boolean truncateLeft,
            int padId,
            int padTypeId) {
        this.vocab = vocab;
        int maxId = 0;
        for (int id : vocab.values()) {
            maxId = Math.max(maxId, id);
        }
        for (AddedToken t : added) {
            maxId = Math.max(maxId, t.id());
        }
        this.tokensById = new String[maxId + 1];
        vocab.forEach((t, id) -> tokensById[id] = t);
        for (AddedToken t : added) {
            tokensById[t.id()] = t.content();
        }
        this.unkToken = unkToken;
        this.unkId = vocab.get(unkToken);
        this.continuingPrefix = continuingPrefix;
        this.maxInputCharsPerWord = maxInputCharsPerWord;
        this.normalizer = normalizer;
        List<AddedToken> raw = new ArrayList<>();
        List<AddedToken> norm = new ArrayList<>();
        for (AddedToken t : added) {
            if (t.normalized() && normalizer != null) {
                norm.add(new AddedToken(
                        normalizer.normalize(t.content()), t.id(), t.singleWord(), t.lstrip(), t.rstrip(), true));
            } else {
                raw.add(t);
            }
        }
        // at one position the longest token wins
        Comparator<AddedToken> longestFirst =
                Comparator.comparingInt((AddedToken t) -> t.content().length()).reversed();
        raw.sort(longestFirst);
        norm.sort(longestFirst);
        this.rawAddedTokens = List.copyOf(raw);
        this.normalizedAddedTokens = List.copyOf(norm);
        this.template = List.copyOf(template);
        int specials = 0;
        for (Piece p : template) {
            specials += p.ids() == null ? 0 : p.ids().length;
        }
        this.specialTokenCount = specials;
        if (maxLength < specials) {
            throw new IllegalArgumentException(
                    "maximum length " + maxLength + " leaves no room for the " + specials + " special tokens");
        }
        this.maxLength = maxLength;
        this.truncateLeft = truncateLeft;
        this.padId = padId;
        this.padTypeId = padTypeId;
    }

    /**
     * Reads a {@code tokenizer.json}.
     *
     * @throws NoSuchFileException    if the file does not exist
     * @throws MalformedFileException if it is not JSON, or not a WordPiece tokenizer seqlab reads
     *                                (the message names the file and the part it cannot use)
     */
    public static WordPieceTokenizer read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file);
        }
    }

    /**
     * Reads a {@code tokenizer.json} from a stream; {@code name} names it in error messages
     * (a class-path resource, say).
     */
    public static WordPieceTokenizer read(InputStream in, Path name) throws IOException {
        JsonNode root;
        try {
            // UTF-8, as tokenizer.json files are: left to guess, Jackson reads NUL bytes as UTF-32
            // and fails with an exception that names no file
            root = MAPPER.readTree(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedFileException(
                    name,
                    at == null ? 0 : Math.max(0, at.getLineNr()),
                    "not valid JSON (" + e.getOriginalMessage() + ")",
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedFileException(name, 0, "not a tokenizer.json (no JSON object)");
        }
        try {
            return fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(name, 0, e.getMessage(), e);
        }
    }

    private static WordPieceTokenizer fromJson(JsonNode root) {
        JsonNode model = root.path("model");
        if (!model.isObject()) {
            throw new IllegalArgumentException("not a tokenizer.json (no \"model\")");
        }
        String modelType = model.path("type").asText("WordPiece");
        if (!modelType.equals("WordPiece")) {
            throw new IllegalArgumentException("model type " + modelType + " is not supported (seqlab reads "
                    + "WordPiece tokenizers: BERT, MiniLM, MPNet-style files)");
        }
        JsonNode vocabNode = model.path("vocab");
        if (!vocabNode.isObject() || vocabNode.isEmpty()) {
            throw new IllegalArgumentException("the WordPiece model has no vocabulary");
        }
        Map<String, Integer> vocab = new HashMap<>(vocabNode.size() * 2);
        for (Iterator<Map.Entry<String, JsonNode>> it = vocabNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0) {
                throw new IllegalArgumentException("vocabulary entry '" + e.getKey() + "' has no valid id");
            }
            vocab.put(e.getKey(), e.getValue().asInt());
        }
        String unk = model.path("unk_token").asText("[UNK]");
        if (!vocab.containsKey(unk)) {
            throw new IllegalArgumentException("the unknown token " + unk + " is not in the vocabulary");
        }
        String prefix = model.path("continuing_subword_prefix").asText("##");
        int maxChars = model.path("max_input_chars_per_word").asInt(100);

        BertNormalizer normalizer = normalizer(root.path("normalizer"));
        JsonNode pre = root.path("pre_tokenizer");
        String preType = pre.path("type").asText("");
        if (!preType.equals("BertPreTokenizer")) {
            throw new IllegalArgumentException("pre_tokenizer " + (preType.isEmpty() ? "null" : preType)
                    + " is not supported (seqlab reads BertPreTokenizer)");
        }

        List<AddedToken> added = new ArrayList<>();
        for (JsonNode t : root.path("added_tokens")) {
            String content = t.path("content").asText("");
            if (content.isEmpty() || !t.path("id").canConvertToInt()) {
                throw new IllegalArgumentException("an added token has no content or id: " + t);
            }
            added.add(new AddedToken(
                    content,
                    t.path("id").asInt(),
                    t.path("single_word").asBoolean(false),
                    t.path("lstrip").asBoolean(false),
                    t.path("rstrip").asBoolean(false),
                    t.path("normalized").asBoolean(!t.path("special").asBoolean(false))));
        }
        Map<String, Integer> addedIds = new HashMap<>();
        // ids index a table of every token: beyond the count of tokens defined they would make it
        // as large as the largest id (2^31 from a damaged file)
        long tokens = (long) vocab.size() + added.size();
        for (AddedToken t : added) {
            if (t.id() < 0 || t.id() >= tokens) {
                throw new IllegalArgumentException("added token '" + t.content() + "' has id " + t.id()
                        + ", outside 0.." + (tokens - 1) + " (the file defines " + tokens + " tokens)");
            }
            addedIds.put(t.content(), t.id());
        }
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            if (e.getValue() >= tokens) {
                throw new IllegalArgumentException("vocabulary entry '" + e.getKey() + "' has id " + e.getValue()
                        + ", outside 0.." + (tokens - 1) + " (the file defines " + tokens + " tokens)");
            }
        }

        List<Piece> template = template(root.path("post_processor"), vocab, addedIds);

        int maxLength = DEFAULT_MAX_LENGTH;
        boolean left = false;
        JsonNode trunc = root.path("truncation");
        if (trunc.isObject()) {
            maxLength = trunc.path("max_length").asInt(DEFAULT_MAX_LENGTH);
            left = trunc.path("direction").asText("Right").equalsIgnoreCase("Left");
        }
        JsonNode padding = root.path("padding");
        int padId;
        int padTypeId = 0;
        if (padding.isObject() && padding.path("pad_id").canConvertToInt()) {
            padId = padding.path("pad_id").asInt();
            padTypeId = padding.path("pad_type_id").asInt(0);
        } else {
            padId = vocab.getOrDefault("[PAD]", addedIds.getOrDefault("[PAD]", 0));
        }
        return new WordPieceTokenizer(
                vocab, unk, prefix, maxChars, normalizer, added, template, maxLength, left, padId, padTypeId);
    }

    private static BertNormalizer normalizer(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        String type = n.path("type").asText("");
        if (!type.equals("BertNormalizer")) {
            throw new IllegalArgumentException(
                    "normalizer " + type + " is not supported (seqlab reads BertNormalizer)");
        }
        boolean lowercase = n.path("lowercase").asBoolean(true);
        JsonNode strip = n.path("strip_accents");
        // Hugging Face: strip_accents null means "as lowercase"
        boolean stripAccents = strip.isBoolean() ? strip.asBoolean() : lowercase;
        return new BertNormalizer(
                n.path("clean_text").asBoolean(true),
                n.path("handle_chinese_chars").asBoolean(true),
                stripAccents,
                lowercase);
    }

    private static List<Piece> template(JsonNode post, Map<String, Integer> vocab, Map<String, Integer> addedIds) {
        List<Piece> pieces = new ArrayList<>();
        if (post.isMissingNode() || post.isNull()) {
            pieces.add(new Piece(null, null, 0));
            return pieces;
        }
        String type = post.path("type").asText("");
        switch (type) {
            case "TemplateProcessing" -> {
                JsonNode single = post.path("single");
                if (!single.isArray() || single.isEmpty()) {
                    throw new IllegalArgumentException("TemplateProcessing has no \"single\" template");
                }
                boolean sequence = false;
                for (JsonNode item : single) {
                    if (item.has("Sequence")) {
                        if (sequence) {
                            throw new IllegalArgumentException("the \"single\" template holds the sequence twice");
                        }
                        sequence = true;
                        pieces.add(new Piece(
                                null,
                                null,
                                item.path("Sequence").path("type_id").asInt(0)));
                    } else if (item.has("SpecialToken")) {
                        String id = item.path("SpecialToken").path("id").asText();
                        JsonNode special = post.path("special_tokens").path(id);
                        int[] ids;
                        String[] tokens;
                        if (special.isObject()) {
                            ids = new int[special.path("ids").size()];
                            tokens = new String[ids.length];
                            for (int i = 0; i < ids.length; i++) {
                                ids[i] = special.path("ids").get(i).asInt();
                                tokens[i] = special.path("tokens").path(i).asText(id);
                            }
                        } else {
                            ids = new int[] {tokenId(id, vocab, addedIds)};
                            tokens = new String[] {id};
                        }
                        pieces.add(new Piece(
                                ids,
                                tokens,
                                item.path("SpecialToken").path("type_id").asInt(0)));
                    } else {
                        throw new IllegalArgumentException("unknown template item " + item);
                    }
                }
                if (!sequence) {
                    throw new IllegalArgumentException("the \"single\" template has no sequence");
                }
            }
            case "BertProcessing" -> {
                JsonNode cls = post.path("cls");
                JsonNode sep = post.path("sep");
                pieces.add(new Piece(
                        new int[] {cls.path(1).asInt()},
                        new String[] {cls.path(0).asText()},
                        0));
                pieces.add(new Piece(null, null, 0));
                pieces.add(new Piece(
                        new int[] {sep.path(1).asInt()},
                        new String[] {sep.path(0).asText()},
                        0));
            }
            default -> throw new IllegalArgumentException("post_processor " + type
                    + " is not supported (seqlab reads TemplateProcessing and BertProcessing)");
        }
        return pieces;
    }

    private static int tokenId(String token, Map<String, Integer> vocab, Map<String, Integer> addedIds) {
        Integer id = addedIds.containsKey(token) ? addedIds.get(token) : vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException(
                    "special token " + token + " is neither an added token nor in the vocabulary");
        }
        return id;
    }

    /** The maximum length (special tokens included) that {@link #encode(String)} truncates to. */
    public int maxLength() {
        return maxLength;
    }

    /** How many special tokens the template adds to one sequence ({@code [CLS]}, {@code [SEP]}: 2). */
    public int specialTokenCount() {
        return specialTokenCount;
    }

    /** The id that pads a batch's shorter sequences. */
    public int padId() {
        return padId;
    }

    /** The token type id of padding. */
    public int padTypeId() {
        return padTypeId;
    }

    /** The number of entries in the vocabulary (added tokens that are not in it excluded). */
    public int vocabularySize() {
        return vocab.size();
    }

    /** The id of {@code token} in the vocabulary, or -1. */
    public int tokenId(String token) {
        return vocab.getOrDefault(token, -1);
    }

    /** The token of {@code id}, or null when no token has it. */
    public String token(int id) {
        return id >= 0 && id < tokensById.length ? tokensById[id] : null;
    }

    /** Encodes {@code text}, truncating to {@link #maxLength()}. */
    public Encoding encode(String text) {
        return encode(text, maxLength);
    }

    /**
     * Encodes {@code text} as the model sees it, keeping at most {@code maxLength} tokens
     * (special tokens included): the words' tokens are cut from the end (or from the start when
     * the file truncates on the left) before the special tokens are added.
     *
     * @throws IllegalArgumentException if {@code maxLength} leaves no room for the special tokens
     */
    public Encoding encode(String text, int maxLength) {
        if (maxLength < specialTokenCount) {
            throw new IllegalArgumentException(
                    "maximum length " + maxLength + " leaves no room for the " + specialTokenCount + " special tokens");
        }
        IntList ids = new IntList();
        List<String> tokens = new ArrayList<>();
        tokenize(text, ids, tokens);
        int room = maxLength - specialTokenCount;
        int from = 0;
        int to = ids.size;
        boolean truncated = ids.size > room;
        if (truncated) {
            if (truncateLeft) {
                from = ids.size - room;
            } else {
                to = room;
            }
        }
        int n = to - from + specialTokenCount;
        int[] outIds = new int[n];
        int[] outTypes = new int[n];
        List<String> outTokens = new ArrayList<>(n);
        int k = 0;
        for (Piece p : template) {
            if (p.ids() == null) {
                for (int i = from; i < to; i++) {
                    outIds[k] = ids.data[i];
                    outTypes[k++] = p.typeId();
                    outTokens.add(tokens.get(i));
                }
            } else {
                for (int i = 0; i < p.ids().length; i++) {
                    outIds[k] = p.ids()[i];
                    outTypes[k++] = p.typeId();
                    outTokens.add(p.tokens()[i]);
                }
            }
        }
        return new Encoding(outIds, outTypes, outTokens, truncated);
    }

    /** The tokens of {@code text} without special tokens and without truncation. */
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        tokenize(text, new IntList(), tokens);
        return tokens;
    }

    private void tokenize(String text, IntList ids, List<String> tokens) {
        splitAdded(text, rawAddedTokens, ids, tokens, raw -> {
            String normalized = normalizer == null ? raw : normalizer.normalize(raw);
            splitAdded(
                    normalized,
                    normalizedAddedTokens,
                    ids,
                    tokens,
                    piece -> BertPreTokenizer.split(piece, word -> wordPiece(word, ids, tokens)));
        });
    }

    /**
     * Finds the added tokens in {@code text} (leftmost match first, the longest at one position),
     * adds them, and passes the text between them to {@code rest}.
     */
    private static void splitAdded(
            String text, List<AddedToken> added, IntList ids, List<String> tokens, Consumer<String> rest) {
        if (added.isEmpty()) {
            rest.accept(text);
            return;
        }
        int done = 0;
        int i = 0;
        while (i < text.length()) {
            AddedToken match = null;
            for (AddedToken t : added) {
                if (text.startsWith(t.content(), i)
                        && (!t.singleWord()
                                || isWordBoundary(text, i, i + t.content().length()))) {
                    match = t;
                    break;
                }
            }
            if (match == null) {
                i++;
                continue;
            }
            int start = i;
            int end = i + match.content().length();
            if (match.lstrip()) {
                while (start > done && BertNormalizer.isWhitespace(text.charAt(start - 1))) {
                    start--;
                }
            }
            if (match.rstrip()) {
                while (end < text.length() && BertNormalizer.isWhitespace(text.charAt(end))) {
                    end++;
                }
            }
            if (start > done) {
                rest.accept(text.substring(done, start));
            }
            ids.add(match.id());
            tokens.add(match.content());
            done = end;
            i = end;
        }
        if (done < text.length()) {
            rest.accept(text.substring(done));
        }
    }

    private static boolean isWordBoundary(String text, int start, int end) {
        boolean before = start == 0 || !isWordChar(text.codePointBefore(start));
        boolean after = end >= text.length() || !isWordChar(text.codePointAt(end));
        return before && after;
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Greedy longest-match-first WordPiece; a word with any unmatched rest is one unknown token. */
    private void wordPiece(String word, IntList ids, List<String> tokens) {
        if (word.length() > maxInputCharsPerWord && word.codePointCount(0, word.length()) > maxInputCharsPerWord) {
            ids.add(unkId);
            tokens.add(unkToken);
            return;
        }
        Integer whole = vocab.get(word);
        if (whole != null) {
            ids.add(whole);
            tokens.add(word);
            return;
        }
        int mark = ids.size;
        int tokenMark = tokens.size();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer id = null;
            String piece = null;
            while (start < end) {
                piece = start == 0 ? word.substring(0, end) : continuingPrefix + word.substring(start, end);
                id = vocab.get(piece);
                if (id != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (id == null) {
                ids.size = mark;
                tokens.subList(tokenMark, tokens.size()).clear();
                ids.add(unkId);
                tokens.add(unkToken);
                return;
            }
            ids.add(id);
            tokens.add(piece);
            start = end;
        }
    }

    /** {@code WordPieceTokenizer[30522 tokens, max length 128, normalizer ...]}. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "WordPieceTokenizer[%d tokens, max length %d, %s]", vocab.size(), maxLength, normalizer);
    }

    /** A growable int array. */
    private static final class IntList {
        int[] data = new int[64];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }
    }
}
