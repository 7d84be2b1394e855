package dev.footnote.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes verdicts on footnotes as citation-verification cases, one JSON object a line, in the format of the
 * {@code eval citations} set: {@code claim}, {@code passage} {id, title, text}, {@code label} ({@code supported} or
 * {@code unsupported}), plus where the case came from. Verdicts on whole answers are not cases and are skipped.
 */
public final class CaseExport {
    private final ObjectMapper json = new ObjectMapper();

    /** Returns how many cases were written. */
    public int write(FeedbackStore store, Writer out) {
        int[] n = {0};
        store.forEach(r -> {
            if (!r.verdict().aboutCitation() || r.claim() == null || r.citation() == null) return;
            try {
                out.write(json.writeValueAsString(toCase(r)));
                out.write('\n');
                n[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return n[0];
    }

    ObjectNode toCase(FeedbackReport r) {
        CitedSpan c = r.citation();
        ObjectNode o = json.createObjectNode();
        o.put("id", "feedback-" + r.id());
        o.put("kind", "reader_feedback");
        o.put("label", r.verdict() == Verdict.SUPPORTS ? "supported" : "unsupported");
        o.put("claim", r.claim());
        ObjectNode p = o.putObject("passage");
        p.put("id", c.chunkId());
        p.put("title", c.title());
        p.put("text", c.passage());
        ObjectNode s = o.putObject("source");
        s.put("answerId", r.answerId());
        s.put("question", r.question());
        s.put("docId", c.docId());
        s.put("start", c.start());
        s.put("end", c.end());
        s.put("quote", c.quote());
        s.put("comment", r.comment());
        s.put("reportedAt", r.createdAt().toString());
        return o;
    }
}
