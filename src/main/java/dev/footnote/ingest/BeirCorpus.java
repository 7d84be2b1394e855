package dev.footnote.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** A BEIR corpus file ({@code {"_id","title","text"}} per line, optionally gzipped) as a corpus of documents. */
public final class BeirCorpus implements Corpus {
    private final Path file;

    public BeirCorpus(Path file) {
        this.file = file;
    }

    /** Opens a JSON-lines file, gunzipping when its name ends in {@code .gz}. */
    public static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public Listing list() {
        ObjectMapper json = new ObjectMapper();
        List<CorpusEntry> entries = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        try (BufferedReader r = open(file)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (IOException e) {
                    skipped.add(new Skipped(file + ":" + n, "malformed JSON"));
                    continue;
                }
                String id = node.path("_id").asText("");
                String title = node.path("title").asText("");
                String text = node.path("text").asText("");
                if (id.isBlank() || text.isBlank()) {
                    skipped.add(new Skipped(file + ":" + n, "missing _id or text"));
                    continue;
                }
                // benchmark titles never change apart from their text, so the text alone decides re-indexing
                String hash = Hashing.sha256(text);
                SourceDocument doc = new SourceDocument(id, id, title, null, text, 0, hash, text.length());
                entries.add(new CorpusEntry(id, id, hash, () -> doc));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read corpus " + file, e);
        }
        return new Listing(entries, skipped);
    }
}
