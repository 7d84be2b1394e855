package dev.footnote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.GenerationRequest;
import dev.footnote.answer.local.Calibration;
import dev.footnote.answer.local.LocalAnswerGenerator;
import dev.footnote.cite.CitationResolver;
import dev.footnote.eval.AnswerEval;
import dev.footnote.eval.RetrievalEval;
import dev.footnote.index.Embedder;
import dev.footnote.index.LuceneIndex;
import dev.footnote.index.Progress;
import dev.footnote.retrieve.Hit;
import dev.footnote.retrieve.LuceneRetriever;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchQuery;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
        Embedder embedder = EvalCommand.embedder(a);
        Calibration c = calibration(a);
        try (LuceneIndex index = EvalCommand.corpusIndex(a, passages, embedder)) {
            LuceneRetriever retriever = new LuceneRetriever(index, Retriever.Mode.HYBRID, EvalCommand.fusion(a));
            LocalAnswerGenerator local = new LocalAnswerGenerator(retriever, c);
            int k = a.intOr("k", 8, 1, 50);
            if (a.get("features") != null) {
                writeFeatures(Path.of(a.get("features")), questions, unanswerable, retriever, local, embedder, k);
            }
            AnswerService service = new AnswerService(retriever, embedder, local, Optional.empty(), new CitationResolver(embedder), k);
            for (int i = 0; i < Math.min(20, questions.size()); i++) service.answer(dev.footnote.answer.AskRequest.of(questions.get(i).question()));
            AnswerEval.Result r = new AnswerEval(service).run(questions, unanswerable,
                    Progress.console("questions", questions.size() + unanswerable.size()));
            if (a.flag("json")) {
                System.out.println(new ObjectMapper().writeValueAsString(r.asJson()));
            } else {
                System.out.printf(Locale.ROOT, "questions           %d%nanswer_hit          %.4f%ncitation_hit        %.4f%n"
                                + "gold_passage_cited  %.4f%nabstain_rate        %.4f%nms_p50              %.2f%n",
                        r.questions(), r.answerHit(), r.citationHit(), r.goldPassageCited(), r.abstainRate(), r.msP50());
                if (r.unanswerableAbstained() != null) {
                    System.out.printf(Locale.ROOT, "unanswerable_abstained %.4f (%d questions)%n", r.unanswerableAbstained(), unanswerable.size());
                }
            }
        }
        return 0;
    }

    private static Calibration calibration(Args a) {
        Calibration d = Calibration.DEFAULT;
        return new Calibration(a.doubleOr("cosine-weight", d.cosineWeight()), a.doubleOr("coverage-weight", d.coverageWeight()),
                a.doubleOr("rank-penalty", d.rankPenalty()), a.intOr("max-passages", d.maxPassages(), 1, 50),
                a.intOr("max-sentences", d.maxSentences(), 1, 3), a.doubleOr("extra-margin", d.extraMargin()),
                a.doubleOr("min-cosine", d.minCosine()), a.doubleOr("min-coverage", d.minCoverage()),
                a.doubleOr("min-score", d.minScore()));
    }

    /** One CSV row per question: whether it is answerable and the local answerer's strongest evidence. */
    private static void writeFeatures(Path out, List<AnswerEval.Question> qs, List<String> unanswerable,
                                      LuceneRetriever retriever, LocalAnswerGenerator local, Embedder embedder, int k) throws Exception {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("answerable,cosine,coverage");
            for (AnswerEval.Question q : qs) w.println("1," + features(q.question(), retriever, local, embedder, k));
            for (String u : unanswerable) w.println("0," + features(u, retriever, local, embedder, k));
        }
    }

    private static String features(String q, LuceneRetriever retriever, LocalAnswerGenerator local, Embedder embedder, int k) {
        SearchQuery sq = new SearchQuery(q, embedder);
        List<Hit> hits = retriever.retrieve(sq, k);
        double[] ev = local.strongestEvidence(new GenerationRequest(q, List.of(), hits.stream().map(Hit::passage).toList(), sq.vector()));
        return String.format(Locale.ROOT, "%.4f,%.4f", ev[0], ev[1]);
    }
}
