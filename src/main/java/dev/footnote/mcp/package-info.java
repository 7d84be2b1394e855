/** Footnote as Model Context Protocol tools ({@code ask}, {@code search}, {@code get_document_span}) over HTTP and stdio. */
package dev.footnote.mcp;
