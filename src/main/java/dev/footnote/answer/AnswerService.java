package dev.footnote.answer;

import dev.footnote.cite.CitationResolver;
import dev.footnote.cite.Grounding;
import dev.footnote.cite.MarkedSentence;
import dev.footnote.cite.MarkerStream;
import dev.footnote.cite.Markers;
import dev.footnote.cite.Resolution;
import dev.footnote.index.Embedder;
import dev.footnote.retrieve.Hit;
import dev.footnote.retrieve.Passage;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Question in, grounded answer out: rewrite a follow-up, retrieve, generate (model or local), resolve and verify
 * citations. A model that fails, stalls or cites nothing checkable is replaced by the local answer; callers never
 * see an exception from generation.
 */
public final class AnswerService {
    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);
    private static final int NEAREST_ON_ABSTAIN = 3;
    private final Retriever retriever;
    private final Embedder embedder;
    private final AnswerGenerator local;
    private final AnswerGenerator model;
    private final CitationResolver resolver;
    private final int defaultTopK;
    private final SourceCheck sources;
    private final Grounding.Mode grounding;
    private final AnswerStats stats = new AnswerStats();
    private final List<java.util.function.Consumer<Answer>> observers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param model the configured language model, or empty to answer locally */
    public AnswerService(Retriever retriever, Embedder embedder, AnswerGenerator local, Optional<AnswerGenerator> model,
                         CitationResolver resolver, int defaultTopK) {
        this(retriever, embedder, local, model, resolver, defaultTopK, SourceCheck.TRUSTING);
    }

    /** @param sources checks, just before an answer is returned, that its citations still quote the stored documents */
    public AnswerService(Retriever retriever, Embedder embedder, AnswerGenerator local, Optional<AnswerGenerator> model,
                         CitationResolver resolver, int defaultTopK, SourceCheck sources) {
        this(retriever, embedder, local, model, resolver, defaultTopK, sources, Grounding.Mode.STRICT);
    }

    /** @param grounding what happens to a model answer's unsupported sentences: removed (strict) or marked (mark) */
    public AnswerService(Retriever retriever, Embedder embedder, AnswerGenerator local, Optional<AnswerGenerator> model,
                         CitationResolver resolver, int defaultTopK, SourceCheck sources, Grounding.Mode grounding) {
        this.grounding = grounding;
        this.sources = sources;
        this.retriever = retriever;
        this.embedder = embedder;
        this.local = local;
        this.model = model.orElse(null);
        this.resolver = resolver;
        this.defaultTopK = defaultTopK;
    }

    /** Calls {@code observer} with every answer given from now on (such as the recent answers feedback refers to). */
    public void onAnswer(java.util.function.Consumer<Answer> observer) {
        observers.add(observer);
    }

    public AnswerStats stats() {
        return stats;
    }

    public String generatorName() {
        return model == null ? local.name() : model.name();
    }

    public Answer answer(AskRequest request) {
        return answer(request, AnswerListener.NONE);
    }

    public Answer answer(AskRequest request, AnswerListener listener) {
        Map<String, Long> timings = new LinkedHashMap<>();
        long start = System.nanoTime();

        String standalone = request.question();
        if (!request.history().isEmpty()) {
            long t = System.nanoTime();
            standalone = rewrite(request.question(), request.history());
            timings.put("rewrite", ms(t));
        }

        long t = System.nanoTime();
        SearchQuery query = new SearchQuery(standalone, embedder);
        List<Hit> hits = retriever.retrieve(query, request.topK() == null ? defaultTopK : request.topK());
        List<Passage> passages = hits.stream().map(Hit::passage).toList();
        timings.put("retrieve", ms(t));
        listener.onRetrieval(hits);
        GenerationRequest gen = GenerationRequest.fromHits(standalone, request.history(), hits,
                passages.isEmpty() ? null : query.vector());

        Attempt attempt = model != null && !passages.isEmpty() ? modelAttempt(gen, passages, listener, timings)
                : new Attempt(null, model == null ? "no_model_configured" : null);
        String fallback = attempt.fallback();
        Outcome outcome = attempt.outcome() != null ? attempt.outcome()
                : localOutcome(withAsked(gen, request.question()), passages, listener, timings);

        Resolution r = outcome.resolution;
        // a document replaced or deleted since retrieval: keep the quotes as retrieved, and say so
        boolean changed = !r.citations().stream().allMatch(sources::stillQuotes);
        if (changed) log.info("a source cited in the answer to '{}' changed while answering", request.question());
        r.citations().forEach(listener::onCitation);
        // issue 13: the words that answer, found in the first cited quote (any generator)
        ShortAnswer shortAnswer = outcome.abstained ? null : local.shortAnswer(standalone, r.sentences(), r.citations());
        timings.put("total", ms(start));
        Answer answer = new Answer(request.question(), standalone.equals(request.question()) ? null : standalone, outcome.text,
                outcome.abstained, outcome.generator, outcome.generator.equals(local.name()) ? fallback : null,
                r.sentences(), r.citations(), timings, changed, outcome.removed, shortAnswer);
        stats.record(answer);
        observers.forEach(o -> o.accept(answer));
        return answer;
    }

    /** The model's answer if it cites something checkable, else why not (and the streamed text is reset). */
    private Attempt modelAttempt(GenerationRequest gen, List<Passage> passages, AnswerListener listener, Map<String, Long> timings) {
        long t = System.nanoTime();
        MarkerStream stream = new MarkerStream(listener::onDelta, passages.size());
        Outcome outcome = null;
        String fallback = null;
        try {
            Draft draft = model.generate(gen, stream::accept);
            stream.flush();
            timings.put("generate", ms(t));
            t = System.nanoTime();
            Resolution r = resolver.resolve(draft.sentences(), passages);
            timings.put("verify", ms(t));
            if (draft.text().isBlank()) {
                fallback = "empty_output";
            } else if (draft.abstained()) {
                // the model says the passages do not answer: that is its answer, with the nearest passages offered
                outcome = new Outcome(model.name(), new Resolution(List.of(), nearest(passages).citations(), 0),
                        draft.text().strip(), true, List.of());
            } else if (r.citations().isEmpty()) {
                fallback = "no_valid_citation";
            } else {
                Grounding.Result g = Grounding.apply(r, grounding);
                if (grounding == Grounding.Mode.MARK && r.supportedCount() == 0) fallback = "no_supported_sentence";
                else if (grounding == Grounding.Mode.STRICT && g.mostlyUnsupported()) fallback = "mostly_unsupported";
                else outcome = new Outcome(model.name(), g.resolution(), g.resolution().text(), false, g.removed());
            }
        } catch (GenerationException e) {
            timings.put("generate", ms(t));
            fallback = e.reason();
            log.warn("model {} failed ({}): {}", model.name(), e.reason(), e.getMessage());
        } catch (java.util.concurrent.CancellationException e) {
            throw e; // the caller went away: no fallback answer, nobody would read it
        } catch (RuntimeException e) {
            timings.put("generate", ms(t));
            fallback = "model_error";
            log.warn("model {} failed unexpectedly", model.name(), e);
        }
        if (outcome == null && stream.emitted()) listener.onReset(fallback);
        return new Attempt(outcome, fallback);
    }

    private Outcome localOutcome(GenerationRequest gen, List<Passage> passages, AnswerListener listener, Map<String, Long> timings) {
        long t = System.nanoTime();
        Draft draft;
        try {
            // the local answer takes a millisecond: resolve it first, then stream its final, numbered text
            draft = passages.isEmpty() ? Draft.abstain(Draft.NO_ANSWER) : local.generate(gen, TokenSink.NONE);
        } catch (GenerationException e) {
            draft = Draft.abstain(Draft.NO_ANSWER);
        }
        timings.merge("generate", ms(t), Long::sum);
        t = System.nanoTime();
        Outcome outcome;
        if (draft.abstained()) {
            // the nearest passages, offered to the reader; the answer text itself cites nothing
            outcome = new Outcome(local.name(), new Resolution(List.of(), nearest(passages).citations(), 0), draft.text(), true,
                    List.of());
            listener.onDelta(draft.text());
        } else {
            Resolution r = resolver.resolve(draft.sentences(), passages);
            outcome = new Outcome(local.name(), r, r.text(), false, List.of());
            Markers.renderClauses(r.sentences()).forEach(listener::onDelta);
        }
        timings.put("verify", ms(t));
        return outcome;
    }

    /**
     * {@code gen} with the embedding of the question as the reader asked it, when a follow-up was rewritten and there are
     * passages to judge against it; only the local answerer reads it, so it is embedded only when that one answers.
     */
    private GenerationRequest withAsked(GenerationRequest gen, String asked) {
        if (gen.passages().isEmpty() || gen.question().equals(asked)) return gen;
        return gen.withAskedVector(new SearchQuery(asked, embedder).vector());
    }

    /** The first sentence of each of the nearest passages, so an abstention still points somewhere. */
    private static List<MarkedSentence> nearestQuotes(List<Passage> passages) {
        List<MarkedSentence> out = new ArrayList<>();
        for (int i = 0; i < Math.min(NEAREST_ON_ABSTAIN, passages.size()); i++) {
            Passage p = passages.get(i);
            if (!p.sentences().isEmpty()) out.add(MarkedSentence.quote(i + 1, 0, p.sentence(0)));
        }
        return out;
    }

    private String rewrite(String question, List<ChatTurn> history) {
        if (model != null) {
            try {
                String r = model.rewrite(question, history);
                if (r != null && !r.isBlank()) return r.strip();
            } catch (GenerationException e) {
                log.warn("model rewrite failed ({}); carrying key terms locally", e.reason());
            } catch (RuntimeException e) {
                log.warn("model rewrite failed; carrying key terms locally", e);
            }
        }
        try {
            return local.rewrite(question, history);
        } catch (GenerationException e) {
            return question;
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private Resolution nearest(List<Passage> passages) {
        return resolver.resolve(nearestQuotes(passages), passages);
    }

    private record Outcome(String generator, Resolution resolution, String text, boolean abstained, List<Grounding.Removed> removed) {
    }

    /** A model's try: its outcome, or null and the reason the local answer replaces it. */
    private record Attempt(Outcome outcome, String fallback) {
    }
}
