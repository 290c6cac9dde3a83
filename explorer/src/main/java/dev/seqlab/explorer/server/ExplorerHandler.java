package dev.seqlab.explorer.server;

import dev.seqlab.explorer.ExplorerOptions;
import dev.seqlab.explorer.api.ApiException;
import dev.seqlab.explorer.api.ExplorerApi;
import dev.seqlab.explorer.api.Params;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The explorer's routes: {@code /api/NAME?…} answered by {@link ExplorerApi}, the page's files by
 * exact path, everything else a 404; only GET and HEAD. A request's path and query are read raw,
 * as sent: the API decodes its own parameters ({@link Params}), and no part of a path is ever
 * resolved against anything but the fixed list of assets. Blocking (a search waits for the shared
 * scan), so Jetty runs it on a pool thread, never on its selector.
 */
final class ExplorerHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ExplorerHandler.class);
    private static final String API = "/api/";
    /** The page loads nothing from elsewhere: no CDN, no network. */
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'";

    private final ExplorerApi api;
    private final ExplorerOptions options;
    private final StaticAssets assets = new StaticAssets();

    ExplorerHandler(ExplorerApi api, ExplorerOptions options) {
        this.api = api;
        this.options = options;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            String method = request.getMethod();
            if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                throw new ApiException(405, "only GET is served, got " + method);
            }
            String path = request.getHttpURI().getPath();
            if (path != null && path.startsWith(API)) {
                Params params = Params.parse(request.getHttpURI().getQuery(), options);
                Replies.sendJson(request, response, callback, api.answer(path.substring(API.length()), params));
                return true;
            }
            StaticAssets.Asset a = assets.get(path);
            if (a == null) {
                throw new ApiException(404, "not found");
            }
            response.getHeaders().put("Content-Security-Policy", CSP);
            Replies.send(request, response, callback, 200, a.contentType(), a.bytes());
        } catch (ApiException e) {
            Replies.sendError(request, response, callback, e.status(), e.getMessage(), e.suggestions());
        } catch (RuntimeException e) {
            LOG.warn("request {} failed", request.getHttpURI(), e);
            Replies.sendError(request, response, callback, 500, "internal error: " + e, List.of());
        }
        return true;
    }
}
