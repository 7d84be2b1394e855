package dev.footnote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.App;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.AskRequest;
import dev.footnote.answer.GenerationRequest;
import dev.footnote.answer.local.AnswerKind;
import dev.footnote.answer.local.Calibration;
import dev.footnote.answer.local.LocalAnswerGenerator;
import dev.footnote.answer.local.ShortAnswers;
import dev.footnote.config.Settings;
import dev.footnote.eval.AnswerEval;
import dev.footnote.eval.RetrievalEval;
import dev.footnote.eval.SquadNormalizer;
import dev.footnote.index.Progress;
import dev.footnote.retrieve.Hit;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchQuery;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code eval answers}: the local answerer over SQuAD questions, optionally with unanswerable questions. */
final class AnswerEvalRunner {
    private AnswerEvalRunner() {
    }

    static int run(Args a) throws Exception {
        Path passages = EvalCommand.existingFile(a, "passages");
        Path questionsFile = EvalCommand.existingFile(a, "questions");
        int limit = a.intOr("limit", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        List<AnswerEval.Question> questions = AnswerEval.readQuestions(questionsFile, limit);
        List<String> unanswerable = new ArrayList<>();
        if (a.get("unanswerable") != null) {
            unanswerable.addAll(RetrievalEval.readQueries(EvalCommand.existingFile(a, "unanswerable")).values());
            if (unanswerable.size() > limit) unanswerable = unanswerable.subList(0, limit);
        }
        int k = a.intOr("k", 8, 1, 50);
        Settings settings = EvalCommand.settings(a).withTopK(k);
        App.Tuning tuning = new App.Tuning(Retriever.Mode.HYBRID, EvalCommand.fusion(a), calibration(a));
        try (App app = App.forEvaluation(settings, tuning)) {
            EvalCommand.sync(app, passages);
            if (a.get("features") != null) {
                writeCandidates(Path.of(a.get("features")), questions, unanswerable, app, k);
            }
            AnswerService service = app.answers();
            for (int i = 0; i < Math.min(20, questions.size()); i++) service.answer(AskRequest.of(questions.get(i).question()));
            AnswerEval.Result r = new AnswerEval(service).run(questions, unanswerable,
                    Progress.console("questions", questions.size() + unanswerable.size()));
            if (a.flag("json")) {
                System.out.println(new ObjectMapper().writeValueAsString(r.asJson()));
            } else {
                System.out.printf(Locale.ROOT, "questions           %d%nanswer_hit          %.4f%ncitation_hit        %.4f%n"
                                + "gold_passage_cited  %.4f%nabstain_rate        %.4f%nms_p50              %.2f%n",
                        r.questions(), r.answerHit(), r.citationHit(), r.goldPassageCited(), r.abstainRate(), r.msP50());
                var b = r.brevity();
                System.out.printf(Locale.ROOT, "first_sentence_hit  %.4f%nsentences_per_answer %.4f%nshort_answer_em     %.4f%n"
                                + "short_answer_f1     %.4f%nshort_answer_rate   %.4f%n", b.firstSentenceHit(), b.sentencesPerAnswer(),
                        b.shortAnswerEm(), b.shortAnswerF1(), b.shortAnswerRate());
                if (r.unanswerableAbstained() != null) {
                    System.out.printf(Locale.ROOT, "unanswerable_abstained %.4f (%d questions)%n", r.unanswerableAbstained(), unanswerable.size());
                }
            }
        }
        return 0;
    }

    private static Calibration calibration(Args a) {
        return Calibration.DEFAULT.withMinConfidence(a.doubleOr("min-confidence", Calibration.DEFAULT.minConfidence()));
    }

    /**
     * One JSON line per question, the input of {@code eval calibrate} (format in {@link dev.footnote.eval.CalibrationFit}):
     * the question, whether it is answerable, its gold answers and passage, the hits, the inputs of the abstention
     * model, and every candidate sentence with its features by name and whether it holds a gold answer.
     */
    private static void writeCandidates(Path out, List<AnswerEval.Question> qs, List<String> unanswerable, App app, int k)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            List<AnswerEval.Question> all = new ArrayList<>(qs);
            for (String u : unanswerable) all.add(new AnswerEval.Question(u, List.of(), null));
            for (int i = 0; i < all.size(); i++) {
                AnswerEval.Question q = all.get(i);
                SearchQuery sq = new SearchQuery(q.question(), app.embedder());
                List<Hit> hits = app.retriever().retrieve(sq, k);
                var gen = GenerationRequest.fromHits(q.question(), List.of(), hits, sq.vector());
                var row = new LinkedHashMap<String, Object>();
                row.put("question", q.question());
                row.put("answerable", i < qs.size());
                row.put("answers", q.answers());
                row.put("gold", q.passageId());
                row.put("hits", hits.stream().map(h -> Map.of("doc", h.passage().docId(), "score", h.score(),
                        "bm25", h.bm25() == null ? 0 : h.bm25(), "vector", h.vector() == null ? 0 : h.vector())).toList());
                row.put("question_features", LocalAnswerGenerator.confidenceInputs(gen));
                // the answerer's candidates, best first, each scored once and checked once against the gold answers
                List<LocalAnswerGenerator.Candidate> ranked = app.localAnswerer().candidates(gen);
                List<Boolean> holds = ranked.stream()
                        .map(c -> q.answers().stream().anyMatch(g -> SquadNormalizer.contains(c.text(), g))).toList();
                List<Map<String, Object>> candidates = new ArrayList<>(ranked.size());
                for (int r = 0; r < ranked.size(); r++) {
                    var c = ranked.get(r);
                    var cand = new LinkedHashMap<String, Object>();
                    cand.put("passage", c.passage());
                    cand.put("sentence", c.sentence());
                    cand.put("text", c.text());
                    cand.put("holds_answer", holds.get(r));
                    cand.put("score", c.score());
                    cand.put("features", c.features());
                    candidates.add(cand);
                }
                row.put("candidates", candidates);
                row.put("kind", AnswerKind.of(q.question()).name());
                // the phrases of the best 3 sentences and of every sentence holding a gold answer, to fit the span model
                ShortAnswers.Question sq2 = ShortAnswers.Question.of(q.question());
                List<Object> spans = new ArrayList<>();
                for (int r = 0; r < ranked.size(); r++) {
                    if (r < 3 || holds.get(r)) {
                        spans.add(Map.of("rank", r, "spans", ShortAnswers.DEFAULT.features(sq2, ranked.get(r).text())));
                    }
                }
                row.put("spans", spans);
                w.println(json.writeValueAsString(row));
            }
        }
    }
}
