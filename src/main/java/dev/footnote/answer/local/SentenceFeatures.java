package dev.footnote.answer.local;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The evidence the local answerer weighs for one candidate sentence, as a feature vector for {@link Calibration}. */
final class SentenceFeatures {
    /**
     * The names of {@link #vector}'s entries, in order: they label the columns of {@code eval answers --features}
     * output, which {@code eval calibrate} fits {@link Calibration#sentenceWeights} on.
     */
    static final List<String> NAMES = List.of("cosine", "coverage", "passage_rank", "passage_score", "length", "short",
            "prev_coverage", "prev_cosine", "next_coverage", "number_wanted", "number_unwanted", "novel_share",
            "best_phrase", "no_asked_kind", "window_coverage", "word_pairs", "cosine_x_coverage", "full_coverage");
    static final int COUNT = NAMES.size();
    /** The entry the abstention model also reads ({@link Calibration#confidence}). */
    static final int BEST_PHRASE = NAMES.indexOf("best_phrase");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_']+");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern WANTS_NUMBER = Pattern.compile(
            "\\b(how (many|much|long|old|far|large|big)|what (year|percentage|percent|number)|when)\\b");
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with",
            "from", "and", "or", "is", "are", "was", "were", "be", "been", "what", "which", "who", "whom", "whose", "when",
            "where", "why", "how", "did", "does", "do", "that", "this", "these", "those", "it", "its", "as", "into",
            "than", "then", "there", "their", "they", "he", "she", "his", "her");

    private SentenceFeatures() {
    }

    /** What the question asks for, computed once per question. */
    record QuestionShape(Set<String> words, boolean wantsNumber) {
        static QuestionShape of(String question) {
            String lower = question.toLowerCase(Locale.ROOT);
            return new QuestionShape(new HashSet<>(SentenceFeatures.words(lower)), WANTS_NUMBER.matcher(lower).find());
        }
    }

    /**
     * @param cos similarity to the question; {@code cov} IDF coverage of its informative terms; {@code prev*}/{@code
     *            nextCov} the same for the neighbouring sentences of the passage (0 at its edges); {@code span} the best
 *            answering phrase of the sentence (null if none), {@code typed} whether it has one of the asked-for kind,
 *            {@code windowCov} and {@code bigrams} how closely together it uses the question's words ({@link Proximity})
     */
    static double[] vector(QuestionShape q, String sentence, double cos, double cov, int passageRank, double passageScore,
                           double prevCov, double prevCos, double nextCov, ShortAnswers.Best span, boolean typed,
                           double windowCov, double bigrams) {
        List<String> words = words(sentence.toLowerCase(Locale.ROOT));
        int n = words.size();
        int novel = 0;
        for (String w : words) if (!q.words().contains(w) && !STOP.contains(w)) novel++;
        double hasNumber = DIGIT.matcher(sentence).find() ? 1 : 0;
        double wants = q.wantsNumber() ? 1 : 0;
        return new double[] {cos, cov, passageRank, passageScore, Math.min(n, 60) / 60.0, n < 5 ? 1 : 0, prevCov, prevCos,
            nextCov, hasNumber * wants, hasNumber * (1 - wants), (double) novel / Math.max(1, n),
            span == null ? -1 : Math.tanh(span.score() / 4), typed ? 0 : 1, windowCov, bigrams, cos * cov, cov >= 0.999 ? 1 : 0};
    }

    private static List<String> words(String lower) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = WORD.matcher(lower);
        while (m.find()) out.add(m.group());
        return out;
    }
}
