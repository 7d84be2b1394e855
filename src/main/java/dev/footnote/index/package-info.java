/** Keeping an index in step with a corpus: the chunk store port, the indexer, embedding models, and the text analysis every engine shares. */
package dev.footnote.index;
