package dev.footnote.cite;

import dev.footnote.index.Embedder;
import dev.footnote.ingest.Span;
import dev.footnote.retrieve.Passage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a draft's sentences and the passages they cite (n = position in the passage list) into verified citations:
 * drops references to no passage, resolves each remaining one to the sentence span of the cited passage that best
 * supports the citing sentence (an extractive sentence names its span itself), judges support, and numbers citations
 * in order of first use.
 */
public final class CitationResolver {
    private final Embedder embedder;
    private final SupportVerifier verifier = new SupportVerifier();

    /** @param embedder used to compare paraphrased sentences with spans; may be null (lexical evidence only) */
    public CitationResolver(Embedder embedder) {
        this.embedder = embedder;
    }

    public Resolution resolve(List<MarkedSentence> marked, List<Passage> passages) {
        List<float[]> vectors = embedParaphrases(marked, passages);
        Map<String, Citation> byKey = new LinkedHashMap<>();
        List<AnswerSentence> sentences = new ArrayList<>();
        int dropped = 0;
        for (int k = 0; k < marked.size(); k++) {
            MarkedSentence ms = marked.get(k);
            Evidence ev = Evidence.of(ms.text());
            List<Integer> ids = new ArrayList<>();
            Verdict best = null;
            List<Integer> invalid = new ArrayList<>();
            for (int n : ms.markers()) {
                if (n < 1 || n > passages.size()) {
                    invalid.add(n);
                    dropped++;
                    continue;
                }
                Passage p = passages.get(n - 1);
                Match m = ms.quotedSentence() != null ? quoted(p, ms.quotedSentence()) : bestSpan(ms.text(), ev, vectors.get(k), p);
                String key = p.chunkId() + "@" + m.span.start() + "-" + m.span.end();
                Citation c = byKey.computeIfAbsent(key, x -> citation(byKey.size() + 1, p, m.span));
                if (!ids.contains(c.id())) ids.add(c.id());
                if (best == null || rank(m.verdict) > rank(best) || rank(m.verdict) == rank(best) && m.verdict.score() > best.score()) {
                    best = m.verdict;
                }
            }
            if (best == null) {
                best = new Verdict(Support.UNSUPPORTED, 0, invalid.isEmpty() ? "no citation"
                        : "cites passage " + invalid + ", which was not retrieved");
            }
            sentences.add(new AnswerSentence(ms.text(), ids, best.support(), best.reason()));
        }
        return new Resolution(sentences, new ArrayList<>(byKey.values()), dropped);
    }

    /** Embeds, in one batch, the sentences that are not verbatim quotes of a passage they cite. */
    private List<float[]> embedParaphrases(List<MarkedSentence> marked, List<Passage> passages) {
        List<float[]> out = new ArrayList<>();
        List<Integer> need = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < marked.size(); k++) {
            out.add(null);
            MarkedSentence ms = marked.get(k);
            boolean verbatim = ms.quotedSentence() != null || ms.markers().stream().allMatch(n -> n >= 1 && n <= passages.size()
                    && passages.get(n - 1).text().contains(ms.text()));
            if (!verbatim && embedder != null && !ms.markers().isEmpty()) {
                need.add(k);
                texts.add(ms.text());
            }
        }
        if (!texts.isEmpty()) {
            List<float[]> v = embedder.embedPassages(texts);
            for (int i = 0; i < need.size(); i++) out.set(need.get(i), v.get(i));
        }
        return out;
    }

    /** An extractive sentence: its span is the passage's own sentence span; only an instruction is not evidence. */
    private static Match quoted(Passage p, int sentence) {
        Span span = p.sentences().get(sentence);
        if (Instructions.looksLikeInstruction(p.sentence(sentence))) {
            return new Match(span, new Verdict(Support.UNSUPPORTED, 0, "the cited text is an instruction to the model, not evidence"));
        }
        return new Match(span, new Verdict(Support.SUPPORTED, 1.0, "quoted verbatim"));
    }

    private Match bestSpan(String sentence, Evidence ev, float[] vector, Passage p) {
        int at = p.text().indexOf(sentence);
        if (at >= 0 && quotesAnInstruction(p, p.span().start() + at, p.span().start() + at + sentence.length())) {
            Span span = new Span(p.span().start() + at, p.span().start() + at + sentence.length());
            return new Match(span, new Verdict(Support.UNSUPPORTED, 0, "the cited text is an instruction to the model, not evidence"));
        }
        if (at >= 0) {
            Span exact = new Span(p.span().start() + at, p.span().start() + at + sentence.length());
            return new Match(exact, new Verdict(Support.SUPPORTED, 1.0, "quoted verbatim"));
        }
        Match best = null;
        for (int i = 0; i < p.sentences().size(); i++) {
            String spanText = p.sentence(i);
            if (Instructions.looksLikeInstruction(spanText)) continue;
            double cos = vector != null && i < p.sentenceVectors().length ? Embedder.dot(vector, p.sentenceVectors()[i]) : Double.NaN;
            Verdict v = verifier.judge(sentence, ev, spanText, Evidence.of(spanText, p.sentenceTerms(i)), p.text(), cos);
            if (best == null || v.score() > best.verdict.score()) best = new Match(p.sentences().get(i), v);
        }
        if (best == null) {
            return new Match(p.span(), verifier.judge(sentence, ev, p.text(), Evidence.of(p.text()), p.text(), Double.NaN));
        }
        return best;
    }

    /** Whether any sentence of the passage that overlaps {@code [start, end)} is an instruction to the model. */
    private static boolean quotesAnInstruction(Passage p, int start, int end) {
        for (int i = 0; i < p.sentences().size(); i++) {
            Span s = p.sentences().get(i);
            if (s.start() < end && s.end() > start && Instructions.looksLikeInstruction(p.sentence(i))) return true;
        }
        return false;
    }

    private static Citation citation(int id, Passage p, Span span) {
        String quote = p.text().substring(span.start() - p.span().start(), span.end() - p.span().start());
        return new Citation(id, p.docId(), p.title(), p.date(), p.chunkId(), p.text(), p.span().start(), p.span().end(),
                span.start(), span.end(), quote);
    }

    private static int rank(Verdict v) {
        return switch (v.support()) {
            case SUPPORTED -> 2;
            case PARTIAL -> 1;
            case UNSUPPORTED -> 0;
        };
    }

    private record Match(Span span, Verdict verdict) {
    }
}
