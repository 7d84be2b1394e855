package dev.footnote.library;

import dev.footnote.index.ChunkStore;
import dev.footnote.index.StoredDocument;
import dev.footnote.ingest.DocumentLoader;
import dev.footnote.ingest.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The original files behind indexed documents, handed out only while they are the very bytes that were indexed (their
 * SHA-256 matches the stored hash), so "Open original" never shows a file the citations no longer quote.
 */
public final class Originals {
    private static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "odt", "application/vnd.oasis.opendocument.text",
            "html", "text/html", "htm", "text/html", "md", "text/markdown", "markdown", "text/markdown", "txt", "text/plain");
    private final Path seeds;
    private final ChunkStore index;
    private final long maxFileBytes;

    public Originals(Path seeds, ChunkStore index, long maxFileBytes) {
        this.seeds = seeds.toAbsolutePath().normalize();
        this.index = index;
        this.maxFileBytes = maxFileBytes;
    }

    /** What asking for a document's original file found. */
    public sealed interface Result {
    }

    /** The document is unknown, or was indexed from text that has no file in the seeds folder (any more). */
    public record Missing(String reason) implements Result {
    }

    /** The file in the seeds folder is no longer what was indexed. */
    public record Changed(String reason) implements Result {
    }

    /** The indexed bytes, with the type a browser needs to show them. */
    public record Found(String fileName, String contentType, String hash, byte[] bytes) implements Result {
    }

    public Result get(String docId) {
        Optional<StoredDocument> doc = index.document(docId);
        if (doc.isEmpty()) return new Missing("no document " + docId);
        StoredDocument d = doc.get();
        Path file = seeds.resolve(d.path()).normalize();
        if (!file.startsWith(seeds) || file.equals(seeds) || !Files.isRegularFile(file) || !DocumentLoader.supports(file)) {
            return new Missing("document " + docId + " has no original file in the seeds folder");
        }
        try {
            if (Files.size(file) > maxFileBytes) return changed(docId);
            byte[] bytes = Files.readAllBytes(file);
            if (!Hashing.sha256(bytes).equals(d.hash())) return changed(docId);
            String ext = DocumentLoader.extension(file);
            String type = TYPES.getOrDefault(ext, "application/octet-stream");
            if (type.startsWith("text/")) type += "; charset=" + (isUtf8(bytes) ? "utf-8" : "iso-8859-1");
            return new Found(file.getFileName().toString(), type, d.hash(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Changed changed(String docId) {
        return new Changed("the file of document " + docId + " has changed since it was indexed; re-index to cite the new version");
    }

    /** Text files were read as UTF-8 when valid, else as Latin-1 (as the loader does); the browser is told the same. */
    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
