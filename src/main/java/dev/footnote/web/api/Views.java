package dev.footnote.web.api;

import dev.footnote.index.StoredDocument;
import dev.footnote.library.SearchHit;
import dev.footnote.retrieve.Hit;
import dev.footnote.retrieve.Passage;

/** The JSON shapes of passages, documents and search hits (offsets are characters into the document text). */
final class Views {
    private Views() {
    }

    record PassageView(String chunkId, String docId, String title, String date, int start, int end, String text) {
        static PassageView of(Passage p) {
            return new PassageView(p.chunkId(), p.docId(), p.title(), p.date(), p.span().start(), p.span().end(), p.text());
        }
    }

    record ScoredPassage(String chunkId, String docId, String title, String date, int start, int end, String text,
                         double score) {
        static ScoredPassage of(Hit h) {
            Passage p = h.passage();
            return new ScoredPassage(p.chunkId(), p.docId(), p.title(), p.date(), p.span().start(), p.span().end(), p.text(),
                    h.score());
        }
    }

    record SearchHitView(String chunkId, String docId, String title, String date, int start, int end, String text,
                         String snippet, double score, Double bm25, Double vector) {
        static SearchHitView of(SearchHit sh) {
            Hit h = sh.hit();
            Passage p = h.passage();
            return new SearchHitView(p.chunkId(), p.docId(), p.title(), p.date(), p.span().start(), p.span().end(), p.text(),
                    sh.snippet(), h.score(), h.bm25(), h.vector());
        }
    }

    record DocumentSummary(String id, String title, String date, int chunks, long size) {
        static DocumentSummary of(StoredDocument d) {
            return new DocumentSummary(d.id(), d.title(), d.date(), d.chunkCount(), d.size());
        }
    }

    /** A document; {@code bodyStart} is where its content begins, after a {@code date …} header or front matter. */
    record DocumentView(String id, String title, String date, String path, long size, int chunks, String text, int bodyStart) {
        static DocumentView of(StoredDocument d) {
            return new DocumentView(d.id(), d.title(), d.date(), d.path(), d.size(), d.chunkCount(), d.text(), d.bodyStart());
        }
    }
}
