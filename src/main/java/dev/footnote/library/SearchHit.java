package dev.footnote.library;

import dev.footnote.retrieve.Hit;

/** A retrieved passage with a plain-text snippet in which query terms are wrapped in «guillemets». */
public record SearchHit(Hit hit, String snippet) {
}
