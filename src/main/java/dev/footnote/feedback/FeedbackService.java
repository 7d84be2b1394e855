package dev.footnote.feedback;

import dev.footnote.answer.Answer;
import dev.footnote.cite.AnswerSentence;
import dev.footnote.cite.Citation;
import dev.footnote.cite.MarkedSentence;
import dev.footnote.cite.Markers;
import dev.footnote.library.Library;
import dev.footnote.library.RejectedInputException;
import dev.footnote.retrieve.Passage;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a reader's report into a stored one. What a report says about a citation is resolved on the server (from
 * the answer it gave, or from the index): a client cannot make a case out of a passage it invents.
 */
public final class FeedbackService {
    private static final Pattern ANSWER_ID = Pattern.compile("a_[0-9a-f]{24}");
    private final FeedbackStore store;
    private final RecentAnswers recent;
    private final Library library;

    public FeedbackService(FeedbackStore store, RecentAnswers recent, Library library) {
        this.store = store;
        this.recent = recent;
        this.library = library;
    }

    public FeedbackReport submit(FeedbackRequest r) {
        Verdict verdict = Verdict.parse(r.verdict()).orElseThrow(() -> invalid("verdict",
                "verdict must be one of supports, does_not_support (a footnote), up, down (the answer)"));
        if (verdict.aboutCitation() && r.citationId() == null) {
            throw invalid("citationId", "citationId is required for a verdict on a footnote");
        }
        if (!verdict.aboutCitation() && r.citationId() != null) {
            throw invalid("citationId", verdict.wire() + " is a verdict on the whole answer: omit citationId");
        }
        String comment = r.comment() == null || r.comment().isBlank() ? null : r.comment().strip();
        if (comment != null && comment.length() > Schema.MAX_COMMENT) {
            throw invalid("comment", "comment must be at most " + Schema.MAX_COMMENT + " characters");
        }
        if (r.answerId() != null && !ANSWER_ID.matcher(r.answerId()).matches()) {
            throw invalid("answerId", "answerId must be the id of an answer, such as a_0123456789abcdef01234567");
        }
        Optional<Answer> known = r.answerId() == null ? Optional.empty() : recent.get(r.answerId());
        FeedbackReport report = known.map(a -> fromKnown(a, r.citationId(), verdict, comment))
                .orElseGet(() -> fromText(r, verdict, comment));
        return store.save(report);
    }

    public List<FeedbackReport> newest(int limit) {
        return store.newest(limit);
    }

    private static FeedbackReport fromKnown(Answer a, Integer citationId, Verdict verdict, String comment) {
        if (citationId == null) return new FeedbackReport(0, null, a.id(), a.question(), a.answer(), null, null, null, verdict, comment);
        Citation c = a.citations().stream().filter(x -> x.id() == citationId).findFirst()
                .orElseThrow(() -> invalid("citationId", "the answer has no footnote [" + citationId + "]"));
        String claim = a.sentences().stream().filter(s -> s.citations().contains(citationId)).map(AnswerSentence::text)
                .findFirst().orElse(null);
        return new FeedbackReport(0, null, a.id(), a.question(), a.answer(), citationId, claim,
                new CitedSpan(c.docId(), c.title(), c.chunkId(), c.passage(), c.start(), c.end(), c.quote()), verdict, comment);
    }

    private FeedbackReport fromText(FeedbackRequest r, Verdict verdict, String comment) {
        String question = required("question", r.question(), Schema.MAX_QUESTION);
        String answer = required("answer", r.answer(), Schema.MAX_ANSWER);
        if (!verdict.aboutCitation()) {
            return new FeedbackReport(0, null, r.answerId(), question, answer, null, null, null, verdict, comment);
        }
        int id = r.citationId();
        String claim = Markers.parse(answer).stream().filter(s -> s.markers().contains(id)).map(MarkedSentence::text)
                .findFirst().orElseThrow(() -> invalid("citationId", "the answer text has no footnote [" + id + "]"));
        return new FeedbackReport(0, null, r.answerId(), question, answer, id, claim, span(r.citation()), verdict, comment);
    }

    /** The cited span read from the index, so its quote is the document's text, whatever the client sent. */
    private CitedSpan span(FeedbackRequest.CitationRef ref) {
        if (ref == null || ref.chunkId() == null || ref.start() == null || ref.end() == null) {
            throw invalid("citation", "citation {chunkId, start, end} is required when answerId is not a recent answer of this server");
        }
        Passage p = library.passage(ref.chunkId()).orElseThrow(() -> invalid("citation.chunkId", "no passage " + ref.chunkId()));
        int from = p.span().start();
        int to = p.span().end();
        if (ref.start() < from || ref.end() > to || ref.end() <= ref.start()) {
            throw invalid("citation.start", "citation start and end must lie within the passage, [" + from + ", " + to + ")");
        }
        String quote = p.text().substring(ref.start() - from, ref.end() - from);
        return new CitedSpan(p.docId(), p.title(), p.chunkId(), p.text(), ref.start(), ref.end(), quote);
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field, field + " is required when answerId is not a recent answer of this server");
        }
        if (value.length() > max) throw invalid(field, field + " must be at most " + max + " characters");
        return value;
    }

    private static RejectedInputException invalid(String field, String message) {
        return RejectedInputException.invalid(field, message);
    }
}
