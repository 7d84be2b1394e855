/** Footnote: answers with footnotes you can check; {@link dev.footnote.App} is the one composition root. */
package dev.footnote;
