package dev.footnote.cite;

import java.util.regex.Pattern;

/**
 * Recognises text in a document that addresses the model rather than the reader ("ignore previous instructions and
 * …"). Such a sentence is never evidence: a model that obeyed it and quoted it back must not pass verification.
 */
public final class Instructions {
    private static final Pattern INSTRUCTION = Pattern.compile("(?i)\\b(ignore|disregard|forget|override)\\b.{0,40}\\b"
            + "(previous|prior|above|earlier|all|any|your|the)\\b.{0,20}\\b(instructions?|prompts?|rules|directions)\\b"
            + "|\\b(system prompt|you are now|new instructions|reply only with|respond only with|answer only with)\\b");

    private Instructions() {
    }

    public static boolean looksLikeInstruction(String text) {
        return INSTRUCTION.matcher(text).find();
    }
}
