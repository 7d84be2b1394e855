package dev.footnote.library;

import dev.footnote.index.Indexer;
import dev.footnote.index.StoredDocument;
import dev.footnote.ingest.DocumentLoader;
import dev.footnote.ingest.FolderCorpus;
import dev.footnote.ingest.SourceDocument;
import dev.footnote.ingest.UnreadableDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
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
    private static final int MAX_NAME_BYTES = 200;
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
        // file systems count bytes, not characters: 120 accented letters are 240 bytes of a 255-byte limit
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw RejectedInputException.invalid("file", "file name is longer than " + MAX_NAME_BYTES + " bytes in UTF-8");
        }
        if (!DocumentLoader.supports(Path.of(name))) {
            throw new RejectedInputException(RejectedInputException.Reason.UNSUPPORTED_TYPE, "file",
                    "file type must be one of " + DocumentLoader.EXTENSIONS.stream().sorted().toList());
        }
        return name;
    }

    /** Saves {@code content} as a new {@code seeds/<name>} and indexes it; a name already taken is a conflict. */
    public StoredDocument add(String rawName, long size, InputStream content) {
        return add(rawName, size, content, false);
    }

    /**
     * Saves {@code content} as {@code seeds/<name>} and indexes it; returns the stored document. An existing file of
     * that name is replaced only when {@code replace} is set; a different name whose id collides is always refused.
     */
    public StoredDocument add(String rawName, long size, InputStream content, boolean replace) {
        String name = safeName(rawName);
        if (size > maxUploadBytes) {
            throw new RejectedInputException(RejectedInputException.Reason.TOO_LARGE, "file",
                    "file is larger than " + maxUploadBytes / (1024 * 1024) + " MB");
        }
        Path target = seeds.resolve(name).normalize();
        if (!seeds.equals(target.getParent())) throw RejectedInputException.invalid("file", "file name escapes the seeds folder");
        refuseConflicts(name, target, replace);
        Path tmpDir = null;
        try {
            Files.createDirectories(seeds);
            tmpDir = Files.createTempDirectory("footnote-upload");
            Path tmp = tmpDir.resolve(name);
            long copied = Files.copy(content, tmp);
            if (copied > maxUploadBytes) throw new RejectedInputException(RejectedInputException.Reason.TOO_LARGE, "file", "file is too large");
            SourceDocument doc = new DocumentLoader(maxFileBytes).load(tmp, name);
            Path part = seeds.resolve(".upload-" + UUID.randomUUID() + ".part"); // short whatever the name's length
            Files.copy(tmp, part);
            try {
                refuseConflicts(name, target, replace);
                if (replace) Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                else Files.move(part, target); // without REPLACE_EXISTING: fails if the name was taken meanwhile
            } finally {
                Files.deleteIfExists(part);
            }
            int chunks = indexer.put(doc);
            log.info("uploaded {} as {} ({} bytes, {} chunks)", name, doc.id(), copied, chunks);
            return library.document(doc.id()).orElseThrow();
        } catch (FileAlreadyExistsException e) {
            throw conflict(name);
        } catch (UnreadableDocumentException e) {
            throw RejectedInputException.invalid("file", "cannot read the file: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save upload " + name, e);
        } finally {
            deleteQuietly(tmpDir);
        }
    }

    private void refuseConflicts(String name, Path target, boolean replace) {
        if (!replace && Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) throw conflict(name);
        String id = DocumentLoader.idFor(name);
        library.document(id).filter(d -> !d.path().equals(name)).ifPresent(d -> {
            throw new RejectedInputException(RejectedInputException.Reason.CONFLICT, "file",
                    "the name '" + name + "' gives the id " + id + ", already used by " + d.path() + "; rename the file");
        });
    }

    private static RejectedInputException conflict(String name) {
        return new RejectedInputException(RejectedInputException.Reason.CONFLICT, "file", "a document named '" + name
                + "' already exists (id " + DocumentLoader.idFor(name) + "); send ?replace=true to replace it");
    }

    /** Removes a document from the index and its file from the seeds folder; false if there is no such document. */
    public boolean delete(String docId) {
        Optional<StoredDocument> doc = library.document(docId);
        if (doc.isEmpty()) return false;
        Path file = seeds.resolve(doc.get().path()).normalize();
        try {
            // the file itself may be a link (deleting it removes the link), but no folder on the way may lead out
            if (file.startsWith(seeds) && !file.equals(seeds) && FolderCorpus.within(seeds, file)) Files.deleteIfExists(file);
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
