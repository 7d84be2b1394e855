/** Reading the indexed documents back for checking citations (documents, spans, passages, search) and adding new ones. */
package dev.footnote.library;
