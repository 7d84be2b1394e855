package dev.footnote.web.api;

import dev.footnote.index.IngestReport;
import dev.footnote.index.StoredDocument;
import dev.footnote.library.UploadStore;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** Admin routes: upload a document, delete one, re-sync the seeds folder. Access is checked by {@link Guard}. */
final class AdminHandler {
    private final UploadStore uploads;
    private final Supplier<IngestReport> reindex;

    AdminHandler(UploadStore uploads, Supplier<IngestReport> reindex) {
        this.uploads = uploads;
        this.reindex = reindex;
    }

    void upload(Context ctx) {
        // refuse an oversized body before the multipart parser buffers it (64 KB allows for the multipart framing)
        long declared = ctx.req().getContentLengthLong();
        if (declared > uploads.maxUploadBytes() + 64 * 1024) {
            // read (up to twice the limit) and drop it, so the client still sending it can read the 413
            try {
                JsonBodies.discard(ctx.req().getInputStream(), declared, 2 * uploads.maxUploadBytes() + 64 * 1024);
            } catch (IOException e) {
                // the client went away or stalled: the 413 is written if it can be
            }
            throw ApiException.tooLarge("file", "file is larger than " + uploads.maxUploadBytes() / (1024 * 1024) + " MB");
        }
        if (!ctx.isMultipartFormData()) throw ApiException.unsupportedMediaType("upload the file as multipart/form-data, field 'file'");
        UploadedFile file = part(ctx);
        if (file == null) throw ApiException.badRequest("file", "the multipart field 'file' is missing");
        StoredDocument doc;
        try (InputStream in = file.content()) {
            doc = uploads.add(file.filename(), file.size(), in, "true".equalsIgnoreCase(ctx.queryParam("replace")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.status(201).header("Location", "/api/documents/" + doc.id()).json(Views.DocumentSummary.of(doc));
    }

    /** The multipart field {@code file}; a body the parser refuses is 413 when too large, 408 when it stalled, else 400. */
    private UploadedFile part(Context ctx) {
        try {
            return ctx.uploadedFile("file");
        } catch (Exception e) {
            ApiException broken = Problems.fromBrokenBody(e); // stalled (408) or cut short (400), as for any other body
            if (broken != null) throw broken;
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = t.getMessage();
                if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("size exceeded")) {
                    throw ApiException.tooLarge("file", "file is larger than " + uploads.maxUploadBytes() / (1024 * 1024) + " MB");
                }
            }
            throw ApiException.badRequest("file", "malformed multipart body");
        }
    }

    void delete(Context ctx) {
        String id = ctx.pathParam("docId");
        if (!uploads.delete(id)) throw ApiException.notFound("no document " + id);
        ctx.status(204);
    }

    void reindex(Context ctx) {
        ctx.json(reindex.get());
    }
}
