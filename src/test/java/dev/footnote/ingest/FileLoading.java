package dev.footnote.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** A base for tests of how a file format is read: writes a test's bytes to a temp file and loads it as ingest does. */
abstract class FileLoading {
    private final DocumentLoader loader = new DocumentLoader(10_000_000);
    @TempDir
    Path dir;

    SourceDocument load(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return loader.load(f, name);
    }
}
