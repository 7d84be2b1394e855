package dev.footnote.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.answer.Answer;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.AskRequest;
import dev.footnote.cite.Citation;
import dev.footnote.index.Progress;
import dev.footnote.ingest.BeirCorpus;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Asks SQuAD questions (and optionally unanswerable ones) and scores the answers and their citations. */
public final class AnswerEval {
    private final AnswerService answers;

    public AnswerEval(AnswerService answers) {
        this.answers = answers;
    }

    /** One SQuAD question with its gold answers and gold passage. */
    public record Question(String question, List<String> answers, String passageId) {
    }

    /** The figures {@code eval answers} prints; {@code unanswerableAbstained} is null without unanswerable questions. */
    public record Result(double answerHit, double citationHit, double goldPassageCited, double abstainRate, double msP50,
                         int questions, Double unanswerableAbstained, ShortFigures brevity) {
        public Map<String, Object> asJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("answer_hit", round(answerHit));
            m.put("citation_hit", round(citationHit));
            m.put("gold_passage_cited", round(goldPassageCited));
            m.put("abstain_rate", round(abstainRate));
            m.put("ms_p50", Math.round(msP50 * 100) / 100.0);
            if (unanswerableAbstained != null) m.put("unanswerable_abstained", round(unanswerableAbstained));
            m.put("first_sentence_hit", round(brevity.firstSentenceHit()));
            m.put("sentences_per_answer", round(brevity.sentencesPerAnswer()));
            m.put("short_answer_em", round(brevity.shortAnswerEm()));
            m.put("short_answer_f1", round(brevity.shortAnswerF1()));
            m.put("short_answer_rate", round(brevity.shortAnswerRate()));
            return m;
        }

        private static double round(double d) {
            return Math.round(d * 10000) / 10000.0;
        }
    }

    /**
     * How direct the answers are: a gold answer in the first sentence (over all questions), sentences per answered
     * question, and SQuAD EM/F1 of the short answer over all questions (none or an abstention scores 0), with the share
     * of questions that got one.
     */
    public record ShortFigures(double firstSentenceHit, double sentencesPerAnswer, double shortAnswerEm,
                               double shortAnswerF1, double shortAnswerRate) {
    }

    public static List<Question> readQuestions(Path file, int limit) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Question> out = new ArrayList<>();
        try (BufferedReader r = BeirCorpus.open(file)) {
            String line;
            while ((line = r.readLine()) != null && out.size() < limit) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                List<String> golds = new ArrayList<>();
                n.path("answers").forEach(a -> golds.add(a.asText()));
                out.add(new Question(n.path("question").asText(), golds, n.path("passage_id").asText(null)));
            }
        }
        return out;
    }

    public Result run(List<Question> questions, List<String> unanswerable, Progress progress) {
        int answerHit = 0;
        int citationHit = 0;
        int goldCited = 0;
        int abstained = 0;
        int firstHit = 0;
        int sentences = 0;
        int withShort = 0;
        double em = 0;
        double f1 = 0;
        List<Double> ms = new ArrayList<>();
        for (Question q : questions) {
            long t = System.nanoTime();
            Answer a = answers.answer(AskRequest.of(q.question()));
            ms.add((System.nanoTime() - t) / 1e6);
            progress.advance(1);
            if (a.abstained()) {
                abstained++;
                continue;
            }
            String text = a.answer().replaceAll("\\[\\d+]", " ");
            sentences += a.sentences().size();
            if (!a.sentences().isEmpty() && q.answers().stream().anyMatch(g -> SquadNormalizer.contains(a.sentences().get(0).text(), g))) {
                firstHit++;
            }
            if (a.shortAnswer() != null) {
                withShort++;
                String s = a.shortAnswer().text();
                em += q.answers().stream().anyMatch(g -> SquadNormalizer.exactMatch(s, g)) ? 1 : 0;
                f1 += q.answers().stream().mapToDouble(g -> SquadNormalizer.f1(s, g)).max().orElse(0);
            }
            if (q.answers().stream().anyMatch(g -> SquadNormalizer.contains(text, g))) answerHit++;
            if (a.citations().stream().anyMatch(c -> q.answers().stream().anyMatch(g -> SquadNormalizer.contains(c.quote(), g)))) {
                citationHit++;
            }
            if (a.citations().stream().map(Citation::docId).anyMatch(d -> d.equals(q.passageId()))) goldCited++;
        }
        Double unanswered = null;
        if (!unanswerable.isEmpty()) {
            int n = 0;
            for (String u : unanswerable) {
                if (answers.answer(AskRequest.of(u)).abstained()) n++;
                progress.advance(1);
            }
            unanswered = (double) n / unanswerable.size();
        }
        int total = Math.max(1, questions.size());
        return new Result((double) answerHit / total, (double) citationHit / total, (double) goldCited / total,
                (double) abstained / total, median(ms), questions.size(), unanswered,
                new ShortFigures((double) firstHit / total, (double) sentences / Math.max(1, questions.size() - abstained),
                        em / total, f1 / total, (double) withShort / total));
    }

    static double median(List<Double> xs) {
        if (xs.isEmpty()) return 0;
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
