package dev.footnote.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Every supported file under a folder, recursively; ids come from relative paths, hashes from bytes. The folder is a
 * boundary: a symbolic link is followed only while its target stays inside the folder (links out are skipped and
 * reported, loops detected and skipped), and a file is read through its checked real path. A missing folder is an
 * error, never an empty corpus, so a mistyped path cannot empty the index.
 */
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
        if (!Files.isDirectory(root)) {
            throw new SeedsFolderException("seeds folder " + root.toAbsolutePath() + " does not exist or is not a folder");
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new SeedsFolderException("cannot open seeds folder " + root.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (dir.equals(root)) return FileVisitResult.CONTINUE;
                    if (!inside(realRoot, dir)) {
                        skipped.add(new Skipped(rel(dir), "links outside the seeds folder"));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) skipped.add(new Skipped(rel(file), "broken link"));
                    else if (attrs.isRegularFile()) files.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    skipped.add(new Skipped(rel(file), e instanceof FileSystemLoopException ? "link loop" : "unreadable: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new SeedsFolderException("cannot list seeds folder " + root.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        files.sort(null);
        List<CorpusEntry> entries = new ArrayList<>();
        for (Path f : files) {
            String rel = rel(f);
            if (f.getFileName().toString().startsWith(".")) continue;
            if (!DocumentLoader.supports(f)) {
                skipped.add(new Skipped(rel, "unsupported file type"));
                continue;
            }
            try {
                if (!inside(realRoot, f)) {
                    skipped.add(new Skipped(rel, "links outside the seeds folder"));
                    continue;
                }
                long size = Files.size(f);
                if (size > maxBytes) {
                    skipped.add(new Skipped(rel, "too large (" + size + " bytes)"));
                    continue;
                }
                if (size == 0) {
                    skipped.add(new Skipped(rel, "empty file"));
                    continue;
                }
                String hash = Hashing.sha256(Files.readAllBytes(f.toRealPath()));
                entries.add(new CorpusEntry(DocumentLoader.idFor(rel), rel, hash, () -> load(realRoot, f, rel)));
            } catch (IOException e) {
                skipped.add(new Skipped(rel, "unreadable: " + e.getMessage()));
            }
        }
        return new Listing(entries, skipped);
    }

    /** Checks the boundary again at load time: a link may have been pointed elsewhere since the listing. */
    private SourceDocument load(Path realRoot, Path f, String rel) throws UnreadableDocumentException {
        try {
            if (!inside(realRoot, f)) throw new UnreadableDocumentException("links outside the seeds folder");
            return loader.load(f.toRealPath(), rel);
        } catch (IOException e) {
            throw new UnreadableDocumentException("unreadable: " + e.getMessage());
        }
    }

    /** True if {@code p}, with every link resolved, lies inside the seeds folder. */
    static boolean inside(Path realRoot, Path p) throws IOException {
        return p.toRealPath().startsWith(realRoot);
    }

    private String rel(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** True if {@code file} lies inside {@code folder} once links in its parent folders are resolved. */
    public static boolean within(Path folder, Path file) {
        try {
            Path parent = file.toAbsolutePath().normalize().getParent();
            return parent != null && parent.toRealPath().startsWith(folder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
