package dev.footnote.web.api;

import java.util.Map;

/** A request refused with a status and an RFC 9457 problem; {@code field} names the offending input, if any. */
final class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final Map<String, String> headers;

    ApiException(int status, String type, String title, String detail, String field, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    static ApiException badRequest(String field, String detail) {
        return new ApiException(400, "invalid-request", "Invalid request", detail, field, Map.of());
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail, null, Map.of());
    }

    static ApiException tooLarge(String field, String detail) {
        return new ApiException(413, "too-large", "Content too large", detail, field, Map.of());
    }

    static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, "unsupported-media-type", "Unsupported media type", detail, "Content-Type", Map.of());
    }

    Problem problem() {
        return new Problem("/problems/" + type, title, status, getMessage(), field);
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }
}
