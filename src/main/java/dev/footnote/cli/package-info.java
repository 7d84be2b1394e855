/** The {@code footnote} command line (serve, ingest, search, ask, eval, bench), each command a thin layer over {@link dev.footnote.App}. */
package dev.footnote.cli;
