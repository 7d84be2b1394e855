package dev.footnote.library;

import dev.footnote.index.Embedder;
import dev.footnote.index.ChunkStore;
import dev.footnote.index.StoredChunk;
import dev.footnote.index.StoredDocument;
import dev.footnote.retrieve.Passage;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchQuery;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Read access to what is indexed, so a reader can check every citation against the source text. */
public final class Library {
    public static final int CONTEXT_CHARS = 200;
    /** How many documents example questions are drawn from: enough to find names, cheap on a large library. */
    static final int EXAMPLE_DOCUMENTS = 20;
    /** How many candidate questions are tried for each example offered (each costs one local answer, once). */
    static final int CANDIDATES_PER_EXAMPLE = 3;
    private final ChunkStore index;
    private final Retriever retriever;
    private final Embedder embedder;
    private final Predicate<String> answered;
    /** The last example questions, with the documents (id and hash) they were drawn from. */
    private volatile Examples examples;

    public Library(ChunkStore index, Retriever retriever, Embedder embedder) {
        this(index, retriever, embedder, q -> true);
    }

    /** @param answered whether a question gets an answer from the documents: only such questions are offered as examples */
    public Library(ChunkStore index, Retriever retriever, Embedder embedder, Predicate<String> answered) {
        this.index = index;
        this.retriever = retriever;
        this.embedder = embedder;
        this.answered = answered;
    }

    /** Every document's metadata, without text, sorted by id. */
    public List<StoredDocument> documents() {
        return index.documents(false);
    }

    public Optional<StoredDocument> document(String id) {
        return index.document(id);
    }

    /** The span {@code [start, end)} of document {@code id} with context; refuses a range outside the text. */
    public Optional<Excerpt> excerpt(String id, int start, int end) {
        Optional<StoredDocument> doc = index.document(id);
        if (doc.isEmpty()) return Optional.empty();
        String text = doc.get().text();
        if (start < 0 || start > text.length()) {
            throw RejectedInputException.invalid("start", "start must be between 0 and " + text.length());
        }
        if (end <= start || end > text.length()) {
            throw RejectedInputException.invalid("end", "end must be greater than start and at most " + text.length());
        }
        int from = Math.max(0, start - CONTEXT_CHARS);
        int to = Math.min(text.length(), end + CONTEXT_CHARS);
        return Optional.of(new Excerpt(id, start, end, text.substring(start, end), text.substring(from, start),
                text.substring(end, to)));
    }

    /** The chunk with this id (such as {@code docId#3}) as a passage, with its document's metadata. */
    public Optional<Passage> passage(String chunkId) {
        Optional<StoredChunk> chunk = index.chunk(chunkId);
        if (chunk.isEmpty()) return Optional.empty();
        StoredChunk c = chunk.get();
        return index.document(c.docId()).map(d -> Passage.of(c, d));
    }

    /** The {@code k} passages that best match {@code query}, each with a highlighted snippet. */
    public List<SearchHit> search(String query, int k) {
        return retriever.retrieve(new SearchQuery(query, embedder), k).stream()
                .map(h -> new SearchHit(h, Snippets.highlight(h.passage().text(), query))).toList();
    }

    /**
     * Up to {@code n} example questions drawn from the text of the first documents ({@link ExampleQuestions}) that the
     * documents answer (a reader's first click should not meet "the documents don't say"); read, worked out and
     * answered again only when those documents have changed, not on every page load.
     */
    public List<String> examples(int n) {
        List<StoredDocument> listed = index.documents(false);
        List<String> drawnFrom = listed.subList(0, Math.min(EXAMPLE_DOCUMENTS, listed.size())).stream()
                .map(d -> d.id() + '\n' + d.hash()).toList();
        Examples last = examples;
        if (last != null && last.n() == n && last.drawnFrom().equals(drawnFrom)) return last.questions();
        List<String> texts = new java.util.ArrayList<>();
        for (StoredDocument d : listed) {
            if (texts.size() >= EXAMPLE_DOCUMENTS) break;
            index.document(d.id()).ifPresent(full -> texts.add(full.text().substring(Math.min(full.bodyStart(), full.text().length()))));
        }
        List<String> questions = ExampleQuestions.of(texts, n * CANDIDATES_PER_EXAMPLE).stream()
                .filter(answered).limit(n).toList();
        examples = new Examples(n, drawnFrom, questions);
        return questions;
    }

    private record Examples(int n, List<String> drawnFrom, List<String> questions) {
    }

    public IndexStats stats() {
        return new IndexStats(index.hashes().size(), index.chunkCount(), index.sizeOnDiskBytes());
    }
}
