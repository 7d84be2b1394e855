package dev.footnote.answer.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.footnote.answer.GenerationException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns whatever a LangChain4j client threw into a {@link GenerationException} with a short reason. */
final class Failures {
    private Failures() {
    }

    static GenerationException map(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof GenerationException g) return g;
        }
        Throwable root = chain.get(chain.size() - 1);
        for (Throwable t : chain) {
            if (t instanceof HttpException h) return byStatus(h.statusCode(), h);
        }
        for (Throwable t : chain) {
            String reason = reason(t);
            if (reason != null) return new GenerationException(reason, describe(reason, root), failure);
        }
        // any other I/O failure is the connection's, checked last so a more specific cause deeper down wins
        String reason = chain.stream().anyMatch(t -> t instanceof IOException) ? "connection_error" : "provider_error";
        return new GenerationException(reason, describe(reason, root), failure);
    }

    static GenerationException timeout(String what, long millis) {
        return new GenerationException("timeout", what + " took longer than " + millis + " ms");
    }

    private static GenerationException byStatus(int status, HttpException e) {
        String reason = switch (status) {
            case 429 -> "rate_limited";
            case 401, 403 -> "auth_failed";
            case 408 -> "timeout";
            default -> "http_" + status;
        };
        return new GenerationException(reason, "the model server answered HTTP " + status + ": " + brief(e.getMessage()), e);
    }

    private static String reason(Throwable t) {
        if (t instanceof RateLimitException) return "rate_limited";
        if (t instanceof AuthenticationException) return "auth_failed";
        if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException
                || t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
            return "timeout";
        }
        if (t instanceof ConnectException) return "connection_refused";
        if (t instanceof UnresolvedModelServerException || t instanceof UnresolvedAddressException
                || t instanceof UnknownHostException) {
            return "connection_error";
        }
        if (t instanceof JsonProcessingException) return "malformed_response";
        return null;
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            boolean wrapper = (t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null;
            if (!wrapper) chain.add(t);
            if (t.getCause() == t) break;
        }
        if (chain.isEmpty()) chain.add(failure);
        return chain;
    }

    private static String describe(String reason, Throwable root) {
        return reason + ": " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + brief(root.getMessage()));
    }

    private static String brief(String message) {
        if (message == null) return "";
        String line = message.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
