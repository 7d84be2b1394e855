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
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;
    private final ObjectMapper json;

    JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    JsonNode read(Context ctx) {
        String media = mediaType(ctx.contentType());
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw ApiException.unsupportedMediaType("the body must be application/json");
        }
        long declared = ctx.req().getContentLengthLong();
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            if (declared > MAX_BYTES) {
                discard(in, declared, DRAIN_LIMIT);
                throw tooLarge();
            }
            body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                discard(in, DRAIN_LIMIT, DRAIN_LIMIT);
                throw tooLarge();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length == 0) throw ApiException.badRequest(null, "the request body is empty");
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) throw ApiException.badRequest(null, "the body must be a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.CharConversionException e) {
            // Jackson's UTF-32 reader reports an invalid character this way, not as a JsonProcessingException
            throw ApiException.badRequest(null, "malformed JSON: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The media type of a Content-Type header, lower case, without parameters; "" when there is none. */
    static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads and discards a modestly oversized body so the client, still sending it, can read the 413 (a server that
     * answers and closes while the client is still writing resets the connection, and the client never sees the
     * answer); a body declared larger than {@code limit} is not worth reading and its connection is simply closed after
     * the response.
     */
    static void discard(InputStream in, long declared, long limit) throws IOException {
        if (declared > limit) return;
        long left = limit;
        byte[] buf = new byte[64 * 1024];
        int n;
        while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) left -= n;
    }

    private static ApiException tooLarge() {
        return ApiException.tooLarge(null, "the JSON body is larger than 1 MB");
    }
}
