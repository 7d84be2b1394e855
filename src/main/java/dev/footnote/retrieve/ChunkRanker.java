package dev.footnote.retrieve;

import java.util.List;

/** Ranks chunks by id only, without loading passages: what evaluation at depth needs from any engine. */
public interface ChunkRanker {
    List<RankedChunk> rank(SearchQuery query, int n);
}
