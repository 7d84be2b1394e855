package dev.footnote.library;

import dev.footnote.index.Indexer;
import dev.footnote.index.StoredDocument;
import dev.footnote.ingest.DocumentLoader;
import dev.footnote.ingest.SourceDocument;
import dev.footnote.ingest.UnreadableDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds uploaded files to the seeds folder and the index, and removes documents from both. A file is checked (name,
 * type, size, readable text) before it lands in the folder, written atomically, and searchable when this returns.
 */
public final class UploadStore {
    private static final Logger log = LoggerFactory.getLogger(UploadStore.class);
    private static final Pattern UNSAFE_CHARS = Pattern.compile("[^\\p{L}\\p{N} ._()+-]");
    private static final int MAX_NAME = 200;
    private final Path seeds;
    private final Indexer indexer;
    private final Library library;
    private final long maxUploadBytes;
    private final long maxFileBytes;

    public UploadStore(Path seeds, Indexer indexer, Library library, long maxUploadBytes, long maxFileBytes) {
        this.seeds = seeds.toAbsolutePath().normalize();
        this.indexer = indexer;
        this.library = library;
        this.maxUploadBytes = maxUploadBytes;
        this.maxFileBytes = maxFileBytes;
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /** A file name that stays inside the seeds folder; refuses paths, {@code ..}, hidden and unsupported names. */
    public static String safeName(String raw) {
        if (raw == null || raw.isBlank()) throw RejectedInputException.invalid("file", "the file has no name");
        String name = raw.strip();
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.contains(":") || name.startsWith(".")
                || name.chars().anyMatch(Character::isISOControl)) {
            throw RejectedInputException.invalid("file", "file name must be a plain name without paths, '..' or a leading dot");
        }
        name = UNSAFE_CHARS.matcher(name).replaceAll("_");
        if (name.length() > MAX_NAME) throw RejectedInputException.invalid("file", "file name is longer than " + MAX_NAME + " characters");
        if (!DocumentLoader.supports(Path.of(name))) {
            throw new RejectedInputException(RejectedInputException.Reason.UNSUPPORTED_TYPE, "file",
                    "file type must be one of " + DocumentLoader.EXTENSIONS.stream().sorted().toList());
        }
        return name;
    }

    /** Saves {@code content} as {@code seeds/<name>} and indexes it; returns the stored document. */
    public StoredDocument add(String rawName, long size, InputStream content) {
        String name = safeName(rawName);
        if (size > maxUploadBytes) {
            throw new RejectedInputException(RejectedInputException.Reason.TOO_LARGE, "file",
                    "file is larger than " + maxUploadBytes / (1024 * 1024) + " MB");
        }
        Path target = seeds.resolve(name).normalize();
        if (!seeds.equals(target.getParent())) throw RejectedInputException.invalid("file", "file name escapes the seeds folder");
        Path tmpDir = null;
        try {
            Files.createDirectories(seeds);
            tmpDir = Files.createTempDirectory("footnote-upload");
            Path tmp = tmpDir.resolve(name);
            long copied = Files.copy(content, tmp);
            if (copied > maxUploadBytes) throw new RejectedInputException(RejectedInputException.Reason.TOO_LARGE, "file", "file is too large");
            SourceDocument doc = new DocumentLoader(maxFileBytes).load(tmp, name);
            Path part = seeds.resolve("." + name + "." + UUID.randomUUID() + ".part");
            Files.copy(tmp, part);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            int chunks = indexer.put(doc);
            log.info("uploaded {} as {} ({} bytes, {} chunks)", name, doc.id(), copied, chunks);
            return library.document(doc.id()).orElseThrow();
        } catch (UnreadableDocumentException e) {
            throw RejectedInputException.invalid("file", "cannot read the file: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save upload " + name, e);
        } finally {
            deleteQuietly(tmpDir);
        }
    }

    /** Removes a document from the index and its file from the seeds folder; false if there is no such document. */
    public boolean delete(String docId) {
        Optional<StoredDocument> doc = library.document(docId);
        if (doc.isEmpty()) return false;
        Path file = seeds.resolve(doc.get().path()).normalize();
        try {
            if (file.startsWith(seeds) && !file.equals(seeds)) Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
        return indexer.delete(docId);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
