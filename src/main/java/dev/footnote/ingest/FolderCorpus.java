package dev.footnote.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every supported file under a folder, recursively; ids come from relative paths, hashes from bytes. */
public final class FolderCorpus implements Corpus {
    private final Path root;
    private final DocumentLoader loader;
    private final long maxBytes;

    public FolderCorpus(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.loader = new DocumentLoader(maxBytes);
    }

    public Path root() {
        return root;
    }

    @Override
    public Listing list() {
        List<CorpusEntry> entries = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (!Files.isDirectory(root)) return new Listing(entries, skipped);
        List<Path> files;
        try (Stream<Path> s = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot list seeds folder " + root.toAbsolutePath(),
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            if (f.getFileName().toString().startsWith(".")) continue;
            if (!DocumentLoader.supports(f)) {
                skipped.add(new Skipped(rel, "unsupported file type"));
                continue;
            }
            try {
                long size = Files.size(f);
                if (size > maxBytes) {
                    skipped.add(new Skipped(rel, "too large (" + size + " bytes)"));
                    continue;
                }
                if (size == 0) {
                    skipped.add(new Skipped(rel, "empty file"));
                    continue;
                }
                String hash = Hashing.sha256(Files.readAllBytes(f));
                entries.add(new CorpusEntry(DocumentLoader.idFor(rel), rel, hash, () -> loader.load(f, rel)));
            } catch (IOException e) {
                skipped.add(new Skipped(rel, "unreadable: " + e.getMessage()));
            }
        }
        return new Listing(entries, skipped);
    }
}
