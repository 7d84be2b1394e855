package dev.footnote.cite;

import dev.footnote.index.Analyzers;
import dev.footnote.ingest.Span;
import dev.footnote.retrieve.Passage;
import dev.footnote.retrieve.TermWeights;
import java.util.ArrayList;
import java.util.HashMap;
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
    private static final Verdict VERBATIM = new Verdict(Support.SUPPORTED, 1.0, "quoted verbatim");
    private static final Verdict INSTRUCTION =
            new Verdict(Support.UNSUPPORTED, 0, "the cited text is an instruction to the model, not evidence");
    private final TermWeights weights;
    private final ClaimCheck check = new ClaimCheck();

    /**
     * @param weights corpus statistics telling rare words from common ones; may be null (every word counts alike).
     *                No embeddings: measured on the citation cases, claim/sentence similarity changed no verdict and
     *                cost ~50x the time of the lexical checks.
     */
    public CitationResolver(TermWeights weights) {
        this.weights = weights;
    }

    public Resolution resolve(List<MarkedSentence> marked, List<Passage> passages) {
        Map<String, Citation> byKey = new LinkedHashMap<>();
        List<AnswerSentence> sentences = new ArrayList<>();
        // what is learnt about a passage (which sentences are instructions, its sentences as evidence) is learnt once,
        // however many sentences of the draft cite it
        Map<Integer, Cited> cited = new HashMap<>();
        int dropped = 0;
        for (int k = 0; k < marked.size(); k++) {
            MarkedSentence ms = marked.get(k);
            List<Integer> ids = new ArrayList<>();
            Verdict best = null;
            List<Integer> invalid = new ArrayList<>();
            for (int n : ms.markers()) {
                if (n < 1 || n > passages.size()) {
                    invalid.add(n);
                    dropped++;
                    continue;
                }
                Cited cp = cited.computeIfAbsent(n, x -> new Cited(passages.get(x - 1)));
                Passage p = cp.passage;
                Match m = ms.quotedSentence() != null ? quoted(cp, ms.quotedSentence()) : bestSpan(ms.text(), cp);
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

    /** An extractive sentence: its span is the passage's own sentence span; only an instruction is not evidence. */
    private static Match quoted(Cited c, int sentence) {
        Span span = c.passage.sentences().get(sentence);
        if (c.instruction(sentence)) return new Match(span, INSTRUCTION);
        return new Match(span, VERBATIM);
    }

    private Match bestSpan(String sentence, Cited c) {
        Passage p = c.passage;
        int at = p.text().indexOf(sentence);
        if (at >= 0) {
            Span exact = new Span(p.span().start() + at, p.span().start() + at + sentence.length());
            return new Match(exact, quotesAnInstruction(c, exact) ? INSTRUCTION : VERBATIM);
        }
        if (p.sentences().isEmpty()) return new Match(p.span(), new Verdict(Support.UNSUPPORTED, 0, "the cited passage has no sentences"));
        List<String> claimTerms = Analyzers.terms(sentence);
        java.util.Set<String> asked = new java.util.HashSet<>(claimTerms);
        asked.add(ClaimCheck.UNSEEN);
        Map<String, Double> idf = weights == null ? Map.of() : weights.idf(asked);
        ClaimCheck.Judgement j = check.judge(sentence, claimTerms, c.source(), idf, null);
        return new Match(j.sentence() < 0 ? p.span() : p.sentences().get(j.sentence()), j.verdict());
    }

    /** Whether any sentence of the passage that overlaps {@code quote} is an instruction to the model. */
    private static boolean quotesAnInstruction(Cited c, Span quote) {
        List<Span> sentences = c.passage.sentences();
        for (int i = 0; i < sentences.size(); i++) {
            Span s = sentences.get(i);
            if (s.start() < quote.end() && s.end() > quote.start() && c.instruction(i)) return true;
        }
        return false;
    }

    private static Citation citation(int id, Passage p, Span span) {
        String quote = p.text().substring(span.start() - p.span().start(), span.end() - p.span().start());
        return new Citation(id, p.docId(), p.title(), p.date(), p.chunkId(), p.text(), p.span().start(), p.span().end(),
                span.start(), span.end(), quote).at(p.layout().locate(span.start(), span.end()));
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

    /** A passage cited while resolving one draft, with what was worked out about it so far. */
    private static final class Cited {
        final Passage passage;
        /** Per sentence: whether it is an instruction to the model; null until asked. */
        private final Boolean[] instructions;
        private ClaimCheck.Source source;

        Cited(Passage passage) {
            this.passage = passage;
            this.instructions = new Boolean[passage.sentences().size()];
        }

        boolean instruction(int i) {
            if (instructions[i] == null) instructions[i] = Instructions.looksLikeInstruction(passage.sentence(i));
            return instructions[i];
        }

        /** The passage as evidence for a claim; instructions are never evidence. */
        ClaimCheck.Source source() {
            if (source != null) return source;
            int n = passage.sentences().size();
            List<String> texts = new ArrayList<>(n);
            List<List<String>> terms = new ArrayList<>(n);
            boolean[] ignored = new boolean[n];
            for (int i = 0; i < n; i++) {
                texts.add(passage.sentence(i));
                terms.add(passage.sentenceTerms(i));
                ignored[i] = instruction(i);
            }
            source = new ClaimCheck.Source(texts, terms, passage.title() == null ? "" : passage.title(), ignored);
            return source;
        }
    }
}
