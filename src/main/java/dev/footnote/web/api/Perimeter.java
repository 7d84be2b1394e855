package dev.footnote.web.api;

import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first Jetty handler: every response gets the security headers, and a request naming a host this server does
 * not answer for (DNS rebinding: a page on evil.example whose name now points at 127.0.0.1) gets 421.
 */
final class Perimeter extends Handler.Wrapper {
    private final Set<String> allowedHosts;

    Perimeter(Set<String> allowedHosts, Handler next) {
        super(next);
        this.allowedHosts = Set.copyOf(allowedHosts);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.addTo(response.getHeaders());
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host != null && !allowed(host)) {
            JettyProblems.write(response, callback, JettyProblems.byStatus(421, "Misdirected request",
                    "this server does not answer for that host name; see FOOTNOTE_ALLOWED_HOSTS"));
            return true;
        }
        return super.handle(request, response, callback);
    }

    boolean allowed(String hostHeader) {
        if (allowedHosts.contains("*")) return true;
        return allowedHosts.contains(name(hostHeader));
    }

    /** The host name of a Host header, lower case, without the port; IPv6 literals keep their brackets. */
    static String name(String hostHeader) {
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
