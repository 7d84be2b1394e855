package dev.footnote.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Reads a JSON request body: application/json only (415), at most {@link #MAX_BYTES} (413), well-formed (400). */
final class JsonBodies {
    static final int MAX_BYTES = 1024 * 1024;
    private final ObjectMapper json;

    JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    JsonNode read(Context ctx) {
        String type = ctx.contentType();
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw ApiException.unsupportedMediaType("the body must be application/json");
        }
        if (ctx.req().getContentLengthLong() > MAX_BYTES) throw tooLarge();
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > MAX_BYTES) throw tooLarge();
        if (body.length == 0) throw ApiException.badRequest(null, "the request body is empty");
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) throw ApiException.badRequest(null, "the body must be a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException tooLarge() {
        return ApiException.tooLarge(null, "the JSON body is larger than 1 MB");
    }
}
