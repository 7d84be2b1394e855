package dev.footnote.retrieve;

import java.util.List;

/** Finds the passages most relevant to a query, most relevant first, ties broken by chunk id. */
public interface Retriever {
    List<Hit> retrieve(SearchQuery query, int k);

    /** Which evidence ranks the passages. */
    enum Mode { BM25, VECTOR, HYBRID }
}
