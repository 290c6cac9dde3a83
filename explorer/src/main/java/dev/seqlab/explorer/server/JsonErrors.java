package dev.seqlab.explorer.server;

import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The server's error handler ({@code Server.setErrorHandler}): the answers Jetty gives on its own,
 * before or instead of the routes (a request line or URI that does not parse, an ambiguous path, a
 * head over the size limit, an unsupported version), are one line of JSON like the API's errors,
 * {@code {"error":"400 Bad Request: No URI"}}, with Jetty's status, rather than its HTML page.
 */
final class JsonErrors implements Request.Handler {
    private final int headLimit;

    /** @param headLimit the request head's size limit, named in the 414 and 431 messages */
    JsonErrors(int headLimit) {
        this.headLimit = headLimit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = (String) request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        Object cause = request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
        if (cause instanceof HttpException http) {
            status = http.getCode();
            if (reason == null) {
                reason = http.getReason();
            }
        }
        if (status < 400) {
            status = 500;
        }
        if (HttpStatus.hasNoBody(status)) {
            response.setStatus(status);
            callback.succeeded();
            return true;
        }
        Replies.sendError(request, response, callback, status, message(status, reason), List.of());
        return true;
    }

    private String message(int status, String reason) {
        String what = status + " " + HttpStatus.getMessage(status);
        return switch (status) {
            case 414 -> what + ": the request line is over the limit of " + headLimit + " bytes";
            case 431 -> what + ": the request's head is over the limit of " + headLimit + " bytes";
            default -> {
                if (reason != null && !reason.isBlank() && !reason.equalsIgnoreCase(HttpStatus.getMessage(status))) {
                    yield what + ": " + reason;
                }
                yield status == 400 ? what + ": the request line, its path or a header is not valid HTTP" : what;
            }
        };
    }
}
