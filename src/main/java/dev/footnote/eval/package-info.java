/** Retrieval and answer evaluation over BEIR and SQuAD files, and the ingest and engine benchmarks. */
package dev.footnote.eval;
