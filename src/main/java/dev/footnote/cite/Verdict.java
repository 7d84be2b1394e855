package dev.footnote.cite;


/** A support verdict with the evidence behind it, in words a reader can check. */
public record Verdict(Support support, double score, String reason) {
}
