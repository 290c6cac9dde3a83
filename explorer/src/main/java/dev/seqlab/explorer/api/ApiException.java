package dev.seqlab.explorer.api;

import java.util.List;

/** A request the API refuses: an HTTP status (4xx) and a one-line message, with spelling suggestions for unknown words. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<String> suggestions;

    /** A refusal with {@code status} and {@code message}. */
    public ApiException(int status, String message) {
        this(status, message, List.of());
    }

    /** A refusal with spelling suggestions. */
    public ApiException(int status, String message, List<String> suggestions) {
        super(message);
        this.status = status;
        this.suggestions = List.copyOf(suggestions);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Known words spelled like the unknown one (empty for other errors). */
    public List<String> suggestions() {
        return suggestions;
    }
}
