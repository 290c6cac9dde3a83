package dev.seqlab.explorer.api;

import dev.seqlab.explorer.ExplorerOptions;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one request, decoded from the raw query string ({@code a=1&b=x&b=y}; a name may
 * repeat to give a list) and checked against the limits as they are read.
 */
public final class Params {
    private final Map<String, List<String>> values;
    private final ExplorerOptions limits;

    private Params(Map<String, List<String>> values, ExplorerOptions limits) {
        this.values = values;
        this.limits = limits;
    }

    /**
     * Decodes a raw query string (null for none).
     *
     * @throws ApiException 414 if it is longer than the limit, 400 if it is not valid percent-encoded UTF-8
     */
    public static Params parse(String rawQuery, ExplorerOptions limits) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new Params(values, limits);
        }
        if (rawQuery.length() > limits.maxQueryBytes()) {
            throw new ApiException(
                    414, "query string of " + rawQuery.length() + " bytes; the limit is " + limits.maxQueryBytes());
        }
        for (String part : rawQuery.split("&", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            if (name.isEmpty()) {
                throw new ApiException(400, "malformed query string: a parameter without a name");
            }
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return new Params(values, limits);
    }

    /** Percent-decoding with '+' as a space, refusing bad escapes and bytes that are not UTF-8. */
    private static String decode(String s) {
        byte[] out = new byte[s.length()];
        int len = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw malformed(s);
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw malformed(s);
                }
                out[len++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                out[len++] = ' ';
            } else if (c < 0x80) {
                out[len++] = (byte) c;
            } else {
                throw new ApiException(400, "malformed query string: a character that is not percent-encoded");
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(out, 0, len))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "malformed query string: not UTF-8 after percent-decoding");
        }
    }

    private static ApiException malformed(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return new ApiException(400, "malformed query string near '" + shown + "' (bad percent escape)");
    }

    /** The one value of {@code name}, or null when it is absent. */
    public String optional(String name) {
        List<String> v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v.size() > 1) {
            throw new ApiException(400, "'" + name + "' is given " + v.size() + " times; give it once");
        }
        return v.get(0);
    }

    /** The one word given as {@code name}: required, not blank, within the length limit. */
    public String word(String name) {
        String w = optional(name);
        if (w == null || w.isBlank()) {
            throw new ApiException(400, "missing parameter '" + name + "' (a word)");
        }
        return checkLength(name, w.strip(), limits.maxWordLength());
    }

    /** The words given as {@code name} (repeated), each checked; between {@code min} and the list limit of them. */
    public List<String> words(String name, int min) {
        return texts(name, min, limits.maxWordLength());
    }

    /**
     * The non-blank values of {@code name} (repeated), stripped, each at most {@code maxLength}
     * characters; between {@code min} and the list limit of them.
     */
    public List<String> texts(String name, int min, int maxLength) {
        List<String> v = values.getOrDefault(name, List.of());
        if (v.size() > limits.maxListSize()) {
            throw new ApiException(400, v.size() + " values of '" + name + "'; the limit is " + limits.maxListSize());
        }
        List<String> out = new ArrayList<>();
        for (String w : v) {
            if (!w.isBlank()) {
                out.add(checkLength(name, w.strip(), maxLength));
            }
        }
        if (out.size() < min) {
            throw new ApiException(
                    400,
                    "'" + name + "' needs at least " + min + " value" + (min == 1 ? "" : "s") + ", got " + out.size());
        }
        return out;
    }

    /** The whole-number parameter {@code name} in {@code [min, max]}, or {@code fallback} when absent. */
    public int integer(String name, int fallback, int min, int max) {
        String s = optional(name);
        if (s == null || s.isEmpty()) {
            return fallback;
        }
        int v;
        try {
            v = Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "'" + name + "' must be a whole number, got '" + shorten(s) + "'");
        }
        if (v < min || v > max) {
            throw new ApiException(400, "'" + name + "' must be in " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    /** The limits this request is checked against. */
    public ExplorerOptions limits() {
        return limits;
    }

    private static String checkLength(String name, String w, int max) {
        if (w.length() > max) {
            throw new ApiException(400, "'" + name + "' is " + w.length() + " characters long; the limit is " + max);
        }
        return w;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
