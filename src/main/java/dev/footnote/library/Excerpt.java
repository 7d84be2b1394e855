package dev.footnote.library;

/** The span {@code [start, end)} of a document's text with up to {@link Library#CONTEXT_CHARS} of context each side. */
public record Excerpt(String id, int start, int end, String text, String before, String after) {
}
