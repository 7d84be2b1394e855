/** The embedded Lucene engine: the on-disk index, its records and field names, and BM25, vector and hybrid retrieval over it. */
package dev.footnote.engine.lucene;
