package dev.footnote.answer;

import dev.footnote.cite.Citation;
import dev.footnote.index.ChunkStore;

/**
 * Tells whether a citation still quotes its document as stored now. Documents can be replaced or deleted while a
 * question is being answered; checking just before the answer is returned lets it say that its sources changed.
 */
@FunctionalInterface
public interface SourceCheck {
    /** Trusts every citation: for callers whose documents cannot change while answering. */
    SourceCheck TRUSTING = citation -> true;

    boolean stillQuotes(Citation citation);

    /** Checks citations against the documents stored in {@code store}. */
    static SourceCheck against(ChunkStore store) {
        return c -> store.document(c.docId())
                .map(d -> c.end() <= d.text().length() && d.text().substring(c.start(), c.end()).equals(c.quote()))
                .orElse(false);
    }
}
