package dev.footnote.answer.local;

import dev.footnote.answer.AnswerGenerator;
import dev.footnote.answer.ChatTurn;
import dev.footnote.answer.Draft;
import dev.footnote.answer.GenerationRequest;
import dev.footnote.answer.TokenSink;
import dev.footnote.cite.MarkedSentence;
import dev.footnote.index.Analyzers;
import dev.footnote.index.Embedder;
import dev.footnote.retrieve.Passage;
import dev.footnote.retrieve.TermWeights;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The extractive answerer: scores the sentences of the top passages against the question (embedding similarity,
 * IDF-weighted term coverage, passage rank), all from data stored at ingest, and returns up to three non-redundant
 * sentences verbatim, each citing its passage. Abstains when even the best sentence is weak evidence.
 */
public final class LocalAnswerGenerator implements AnswerGenerator {
    public static final String ABSTENTION = Draft.NO_ANSWER;
    /**
     * A second or third sentence shorter than this (a heading, "See below.") adds nothing to an answer. Set by hand, not
     * fitted: it only decides which extra sentences are shown, after the first one and the abstention are settled.
     */
    static final int MIN_EXTRA_SENTENCE_CHARS = 20;
    /**
     * Two sentences whose embeddings (unit vectors) are closer than this say the same thing in other words, so only the
     * better one is shown. Set by hand when the answerer was written (not fitted, no record of a sweep); like
     * {@link #MIN_EXTRA_SENTENCE_CHARS} it only shapes the extra sentences, never whether the answerer abstains.
     */
    static final double REDUNDANT_COSINE = 0.92;
    /** The name of the top passage's vector similarity in {@link #confidenceInputs}. */
    public static final String TOP_PASSAGE_COSINE = "top_passage_cosine";
    private static final Set<String> QUESTION_TERMS = ShortAnswers.QUESTION_TERMS;
    /**
     * A further sentence joins the answer only when the model gives it at least this share of the first one's
     * probability (softmax over the candidates): close calls show both, clear winners stand alone. Fitted by
     * {@code eval calibrate} (README, "Calibration of the local answerer").
     */
    static final double EXTRA_SENTENCE_SHARE = 0.45;
    /** How many of the best sentences a strict question's asked-for phrase may come from (set by hand). */
    static final int TYPED_WITHIN = 3;
    /**
     * The weight of a word a follow-up carried over from the conversation, against the reader's own words (set by hand:
     * a quarter keeps it able to break ties between sentences about the asked thing, never to outweigh that thing).
     */
    static final double CARRIED_WEIGHT = 0.25;
    private final TermWeights weights;
    private final Calibration calibration;
    private final ShortAnswers spans = ShortAnswers.DEFAULT;

    public LocalAnswerGenerator(TermWeights weights, Calibration calibration) {
        this.weights = weights;
        this.calibration = calibration;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Draft generate(GenerationRequest request, TokenSink sink) {
        List<Scored> scored = score(request);
        if (scored.isEmpty() || calibration.abstains(confidence(request, scored)) || lacksAskedFor(request.question(), scored)) {
            sink.accept(ABSTENTION);
            return Draft.abstain(ABSTENTION);
        }
        List<MarkedSentence> quotes = new ArrayList<>();
        for (Scored s : choose(scored)) quotes.add(MarkedSentence.quote(s.passage + 1, s.sentence, s.text));
        Draft draft = Draft.quotes(quotes);
        sink.accept(draft.text());
        return draft;
    }

    /**
     * A question asking for a count, a date or a name whose best sentences hold no phrase of that kind is not answered
     * by the passages, however similar they are ("How many troops …?" over an article that gives no number).
     */
    private static boolean lacksAskedFor(String question, List<Scored> scored) {
        if (!AnswerKind.of(question).strict()) return false;
        for (int i = 0; i < Math.min(TYPED_WITHIN, scored.size()); i++) if (scored.get(i).typed) return false;
        return true;
    }

    /** Log-odds that the passages hold the answer, from the strongest evidence among the candidates. */
    private double confidence(GenerationRequest request, List<Scored> scored) {
        double maxCos = 0;
        double maxCov = 0;
        for (Scored s : scored) {
            maxCos = Math.max(maxCos, s.cosine);
            maxCov = Math.max(maxCov, s.coverage);
        }
        double top = request.vectorScores().length > 0 ? request.vectorScores()[0] : 0;
        Scored chosen = scored.get(0);
        return calibration.confidence(maxCos, maxCov, top, chosen.cosine, chosen.coverage, chosen.features[SentenceFeatures.BEST_PHRASE]);
    }

    /** Every candidate sentence with its evidence, best first (for calibration tools). */
    public List<Candidate> candidates(GenerationRequest request) {
        return score(request).stream().map(s -> new Candidate(s.passage, s.sentence, s.text, s.cosine, s.coverage, s.score,
                named(s.features))).toList();
    }

    /** The inputs of {@link Calibration#confidence} other than the chosen sentence's: named as in {@link #candidates}. */
    public static Map<String, Double> confidenceInputs(GenerationRequest request) {
        return Map.of(TOP_PASSAGE_COSINE, request.vectorScores().length > 0 ? request.vectorScores()[0] : 0.0);
    }

    /** The span model's weights in use ({@code eval calibrate} checks its fit against them). */
    public static List<Double> spanWeights() {
        return SpanModel.DEFAULT.weights();
    }

    /** How many span features each answer kind has, after the shared ones ({@code eval calibrate} prints by kind). */
    public static int spanFeaturesPerKind() {
        return SpanCandidates.PER_KIND;
    }

    /** {@link #EXTRA_SENTENCE_SHARE}, for {@code eval calibrate}. */
    public static double extraSentenceShare() {
        return EXTRA_SENTENCE_SHARE;
    }

    private static Map<String, Double> named(double[] features) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < features.length; i++) out.put(SentenceFeatures.NAMES.get(i), features[i]);
        return out;
    }

    /**
     * A candidate sentence as calibration tools see it: {@code features} are {@link Calibration#sentenceWeights}'
     * inputs by name, {@code score} their weighted sum under the calibration in use.
     */
    public record Candidate(int passage, int sentence, String text, double cosine, double coverage, double score,
                            Map<String, Double> features) {
    }

    /** Every sentence of the first {@code maxPassages} passages, best first. */
    List<Scored> score(GenerationRequest request) {
        List<String> qTerms = new ArrayList<>(new LinkedHashSet<>(Analyzers.terms(request.question())));
        qTerms.removeAll(QUESTION_TERMS);
        String carried = FollowUps.carried(request.question());
        List<String> own = carried.isEmpty() ? null : ownTerms(request.question());
        Map<String, Double> idf = qTerms.isEmpty() ? Map.of() : contextDiscounted(carried, own, weights.idf(qTerms));
        double totalIdf = qTerms.stream().mapToDouble(t -> idf.getOrDefault(t, 0.0)).sum();
        SentenceFeatures.QuestionShape shape = SentenceFeatures.QuestionShape.of(request.question());
        ShortAnswers.Question sq = ShortAnswers.Question.of(request.question());
        float[] qv = sentenceQuestionVector(request, own);
        List<Scored> out = new ArrayList<>();
        List<Passage> passages = request.passages();
        for (int p = 0; p < Math.min(passages.size(), calibration.maxPassages()); p++) {
            Passage passage = passages.get(p);
            int n = passage.sentences().size();
            double[] cos = new double[n];
            double[] cov = new double[n];
            for (int i = 0; i < n; i++) {
                Set<String> terms = new java.util.HashSet<>(passage.sentenceTerms(i));
                double covered = 0;
                for (String t : qTerms) if (terms.contains(t) || misspelled(sq, t, terms)) covered += idf.getOrDefault(t, 0.0);
                cov[i] = totalIdf == 0 ? 0 : covered / totalIdf;
                cos[i] = qv != null && i < passage.sentenceVectors().length ? Embedder.dot(qv, passage.sentenceVectors()[i]) : 0;
            }
            double passageScore = p < request.scores().length ? request.scores()[p] : 0;
            for (int i = 0; i < n; i++) {
                String text = passage.sentence(i);
                if (dev.footnote.cite.Instructions.looksLikeInstruction(text)) continue; // never quoted, so not worth scoring
                List<SpanCandidates.Word> words = SpanCandidates.words(text);
                ShortAnswers.Assessment a = spans.assess(sq, text, words);
                Proximity near = Proximity.of(words, qTerms, idf, totalIdf);
                double[] f = SentenceFeatures.vector(shape, text, cos[i], cov[i], p, passageScore,
                        i > 0 ? cov[i - 1] : 0, i > 0 ? cos[i - 1] : 0, i + 1 < n ? cov[i + 1] : 0, a.best(), a.typed(),
                        near.window(), near.bigrams());
                out.add(new Scored(p, i, text, cos[i], cov[i], calibration.score(f),
                        i < passage.sentenceVectors().length ? passage.sentenceVectors()[i] : null, f, a.typed()));
            }
        }
        out.sort(Comparator.comparingDouble((Scored s) -> -s.score).thenComparingInt(s -> s.passage).thenComparingInt(s -> s.sentence));
        return out;
    }

    /**
     * What a sentence's cosine is measured against: the question as the reader asked it, when a follow-up was rewritten
     * and the reader's own words ask something ("Who will he meet in Kiev?"); else the standalone question ("Why?").
     */
    private static float[] sentenceQuestionVector(GenerationRequest request, List<String> own) {
        if (request.askedVector() == null || own == null) return request.questionVector();
        return QUESTION_TERMS.containsAll(own) ? request.questionVector() : request.askedVector();
    }

    /** The terms of the reader's own words in a follow-up {@link FollowUps#rewrite} rewrote. */
    private static List<String> ownTerms(String rewritten) {
        return Analyzers.terms(FollowUps.asked(rewritten));
    }

    /**
     * The question's term weights, with the words a follow-up carried over from the conversation (and does not ask
     * again itself) counted at {@link #CARRIED_WEIGHT}: "Who will he meet in Kiev? (Blinken Geneva)" is about meeting
     * in Kiev, and Geneva only says who "he" is. A question that was not rewritten is unchanged.
     */
    private static Map<String, Double> contextDiscounted(String carried, List<String> ownTerms, Map<String, Double> idf) {
        if (carried.isEmpty()) return idf;
        Set<String> own = new java.util.HashSet<>(ownTerms);
        Map<String, Double> out = new java.util.HashMap<>(idf);
        for (String t : Analyzers.terms(carried)) {
            if (!own.contains(t)) out.computeIfPresent(t, (k, v) -> v * CARRIED_WEIGHT);
        }
        return out;
    }

    /** Whether a name of the question appears in the sentence spelled differently (Zelensky, Zhelensky). */
    private static boolean misspelled(ShortAnswers.Question q, String term, Set<String> sentenceTerms) {
        if (!q.names().contains(term)) return false;
        for (String s : sentenceTerms) if (Spelling.close(term, s)) return true;
        return false;
    }

    /**
     * The best sentence, plus up to two more that the model finds nearly as likely to hold the answer
     * ({@link #EXTRA_SENTENCE_SHARE}) and that say something different.
     */
    private List<Scored> choose(List<Scored> scored) {
        List<Scored> chosen = new ArrayList<>();
        Scored best = scored.get(0);
        chosen.add(best);
        for (Scored s : scored) {
            if (chosen.size() >= calibration.maxSentences()) break;
            if (Math.exp(s.score - best.score) < EXTRA_SENTENCE_SHARE) break;
            if (s == best) continue;
            if (s.text.length() < MIN_EXTRA_SENTENCE_CHARS) continue;
            boolean redundant = false;
            for (Scored c : chosen) {
                if (c.text.equals(s.text) || c.vector != null && s.vector != null && Embedder.dot(c.vector, s.vector) > REDUNDANT_COSINE) {
                    redundant = true;
                    break;
                }
            }
            if (!redundant) chosen.add(s);
        }
        return chosen;
    }

    @Override
    public dev.footnote.answer.ShortAnswer shortAnswer(String question, List<dev.footnote.cite.AnswerSentence> sentences,
                                                       List<dev.footnote.cite.Citation> citations) {
        return spans.find(question, sentences, citations);
    }

    @Override
    public String rewrite(String question, List<ChatTurn> history) {
        return FollowUps.rewrite(question, history);
    }

    /** A candidate sentence: where it is, and its evidence. */
    record Scored(int passage, int sentence, String text, double cosine, double coverage, double score, float[] vector,
                  double[] features, boolean typed) {
    }
}
