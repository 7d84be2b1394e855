package dev.footnote.web.api;

import dev.footnote.library.Library;
import dev.footnote.library.Originals;
import dev.footnote.retrieve.SearchQuery;
import io.javalin.http.Context;
import java.util.Map;

/** Routes for checking citations: passages by chunk id, documents and spans of them, and search. */
final class SourcesHandler {
    private static final int MAX_K = 100;
    private final Library library;
    private final Originals originals;

    SourcesHandler(Library library, Originals originals) {
        this.library = library;
        this.originals = originals;
    }

    void passage(Context ctx) {
        String id = ctx.pathParam("chunkId");
        ctx.json(library.passage(id).map(Views.PassageView::of).orElseThrow(() -> ApiException.notFound("no passage " + id)));
    }

    void documents(Context ctx) {
        ctx.json(library.documents().stream().map(Views.DocumentSummary::of).toList());
    }

    void document(Context ctx) {
        String id = ctx.pathParam("docId");
        String start = ctx.queryParam("start");
        String end = ctx.queryParam("end");
        if (start == null && end == null) {
            ctx.json(library.document(id).map(Views.DocumentView::of).orElseThrow(() -> ApiException.notFound("no document " + id)));
            return;
        }
        int s = intParam("start", start);
        int e = intParam("end", end);
        ctx.json(library.excerpt(id, s, e).orElseThrow(() -> ApiException.notFound("no document " + id)));
    }

    /**
     * The original file, exactly the bytes that were indexed, shown inline (a PDF viewer honours {@code #page=N}).
     * A file replaced since indexing is 409: its text may no longer hold the quotes.
     */
    void file(Context ctx) {
        Originals.Result r = originals.get(ctx.pathParam("docId"));
        if (r instanceof Originals.Missing m) throw ApiException.notFound(m.reason());
        if (r instanceof Originals.Changed c) {
            throw new ApiException(409, "file-changed", "File changed since indexing", c.reason(), null, Map.of());
        }
        Originals.Found f = (Originals.Found) r;
        ctx.header("Content-Disposition", contentDisposition(f.fileName()));
        ctx.header("ETag", "\"" + f.hash() + "\"");
        ctx.header("Cache-Control", "private, no-cache");
        // an uploaded HTML file must not run scripts on this origin; PDF viewers refuse sandboxed documents
        if (!f.contentType().equals("application/pdf")) ctx.header("Content-Security-Policy", "sandbox");
        ctx.contentType(f.contentType()).result(f.bytes());
    }

    /** RFC 6266: an ASCII fallback name plus the exact name in UTF-8. */
    private static String contentDisposition(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._ ()+-]", "_");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) throw ApiException.badRequest("q", "q is required");
        if (q.length() > SearchQuery.MAX_CHARS) throw ApiException.badRequest("q", "q must be at most " + SearchQuery.MAX_CHARS + " characters");
        String k = ctx.queryParam("k");
        int n = k == null ? 10 : intParam("k", k);
        if (n < 1 || n > MAX_K) throw ApiException.badRequest("k", "k must be an integer from 1 to " + MAX_K);
        ctx.json(Map.of("query", q, "hits", library.search(q, n).stream().map(Views.SearchHitView::of).toList()));
    }

    /** Three questions a new reader could ask, drawn from the indexed documents. */
    void examples(Context ctx) {
        ctx.json(Map.of("questions", library.examples(3)));
    }

    private static int intParam(String name, String value) {
        if (value == null) throw ApiException.badRequest(name, name + " is required");
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be an integer");
        }
    }
}
