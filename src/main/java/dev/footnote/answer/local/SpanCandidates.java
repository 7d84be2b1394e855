package dev.footnote.answer.local;

import dev.footnote.index.Analyzers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrases of a sentence that could answer a question (every run of up to {@value #MAX_LEN} words within a clause
 * that neither starts nor ends with a function word), each with the features {@link SpanModel} weighs: its shape
 * (capitalised, a number, a date), what kind of answer the question wants, and how close it sits to the question's
 * own words in the sentence.
 */
final class SpanCandidates {
    static final int MAX_LEN = 6;
    static final int BASE = 24;
    static final int PER_KIND = 7;
    static final int COUNT = BASE + PER_KIND * AnswerKind.values().length;
    private static final Pattern TOKEN = Pattern.compile("[$£€%]|[\\p{L}\\p{N}]+(?:['’.,–\\-/:][\\p{L}\\p{N}]+)*");
    private static final Pattern BREAK = Pattern.compile("[,;:()\"“”—\\[\\]!?]|\\s[-–]\\s");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with",
            "from", "and", "or", "but", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "that",
            "this", "these", "those", "it", "its", "as", "into", "than", "then", "there", "their", "they", "he", "she",
            "his", "her", "him", "them", "which", "who", "whom", "whose", "what", "when", "where", "while", "also",
            "not", "no", "so", "such", "after", "before", "during", "over", "under", "between", "about", "would",
            "could", "should", "will", "can", "may", "might", "did", "does", "do", "said", "both", "each", "other",
            "all", "any", "some", "more", "most", "only", "same", "very", "if", "we", "our", "you", "your", "i", "my");
    private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred",
            "thousand", "million", "billion", "trillion", "dozen", "half", "percent", "dozens", "hundreds",
            "thousands", "millions");
    private static final Set<String> DATE_WORDS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "century", "centuries", "decade", "spring", "summer", "autumn", "winter",
            "bc", "ad", "bce", "ce", "today", "yesterday", "tomorrow", "week", "month", "year", "years", "1990s");
    private static final Set<String> LOCATIVE = Set.of("in", "at", "from", "near", "to", "into", "across", "within");
    private static final Pattern YEAR = Pattern.compile("^(1\\d{3}|20\\d{2})s?$|^\\d{1,2}(st|nd|rd|th)$");

    private SpanCandidates() {
    }

    /** A word of the sentence: its [start, end) in the sentence, lower-cased form and analysed term (null if none). */
    record Word(String text, int start, int end, String lower, String term) {
        boolean stop() {
            return STOP.contains(lower);
        }

        boolean capitalised() {
            return Character.isUpperCase(text.charAt(0));
        }

        boolean numeric() {
            return DIGIT.matcher(text).find() || NUMBER_WORDS.contains(lower) || text.equals("$") || text.equals("£") || text.equals("€");
        }

        boolean dateLike() {
            return DATE_WORDS.contains(lower) || YEAR.matcher(lower).matches();
        }
    }

    /** A candidate phrase: words [from, to) of the sentence, and its features. */
    record Candidate(int from, int to, int start, int end, double[] features) {
    }

    static List<Word> words(String sentence) {
        Map<Integer, String> terms = new HashMap<>();
        for (Analyzers.Token t : Analyzers.tokens(sentence)) terms.putIfAbsent(t.start(), t.term());
        List<Word> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(sentence);
        while (m.find()) out.add(new Word(m.group(), m.start(), m.end(), m.group().toLowerCase(Locale.ROOT), terms.get(m.start())));
        return out;
    }

    /** The candidates of one sentence for a question with these informative terms. */
    static List<Candidate> of(String sentence, List<Word> w, ShortAnswers.Question q) {
        AnswerKind kind = q.kind();
        String countedNoun = q.countedNoun();
        int n = w.size();
        boolean[] inQ = new boolean[n];
        int[] clause = new int[n];
        boolean[] parens = new boolean[n];
        int depth = 0;
        for (int i = 0; i < n; i++) {
            inQ[i] = q.mentions(w.get(i).term());
            if (i > 0) {
                String gap = sentence.substring(w.get(i - 1).end(), w.get(i).start());
                clause[i] = clause[i - 1] + (BREAK.matcher(gap).find() ? 1 : 0);
                if (gap.contains("(")) depth++;
                if (gap.contains(")")) depth = Math.max(0, depth - 1);
            }
            parens[i] = depth > 0;
        }
        int[] dist = distances(inQ);
        // the clause holding most of the question's words is where its answer usually is
        Map<Integer, Integer> perClause = new HashMap<>();
        for (int i = 0; i < n; i++) if (inQ[i]) perClause.merge(clause[i], 1, Integer::sum);
        int busiest = perClause.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
        int matched = 0;
        for (boolean b : inQ) if (b) matched++;
        int countedAt = countedNoun == null ? -1 : indexOf(w, countedNoun);
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!startable(w.get(i))) continue;
            for (int j = i + 1; j <= Math.min(n, i + MAX_LEN); j++) {
                if (clause[j - 1] != clause[i]) break;
                if (!endable(w.get(j - 1))) continue;
                int inside = 0;
                for (int k = i; k < j; k++) if (inQ[k]) inside++;
                int content = 0;
                for (int k = i; k < j; k++) if (!w.get(k).stop()) content++;
                if (inside == content) continue;
                out.add(new Candidate(i, j, w.get(i).start(), w.get(j - 1).end(),
                        features(w, i, j, inQ, clause, parens, dist, matched, inside, content, kind, countedAt, busiest)));
            }
        }
        return out;
    }

    private static boolean startable(Word w) {
        return !w.stop() && !w.text().equals("%");
    }

    private static boolean endable(Word w) {
        return !w.stop() && !w.text().equals("$") && !w.text().equals("£") && !w.text().equals("€");
    }

    private static int indexOf(List<Word> w, String term) {
        for (int i = 0; i < w.size(); i++) if (term.equals(w.get(i).term())) return i;
        return -1;
    }

    /** For each word, how many words away the nearest word of the question is (n if none). */
    private static int[] distances(boolean[] inQ) {
        int n = inQ.length;
        int[] d = new int[n];
        int last = -10_000;
        for (int i = 0; i < n; i++) {
            if (inQ[i]) last = i;
            d[i] = i - last;
        }
        last = 10_000;
        for (int i = n - 1; i >= 0; i--) {
            if (inQ[i]) last = i;
            d[i] = Math.min(d[i], last - i);
        }
        for (int i = 0; i < n; i++) d[i] = Math.min(d[i], n);
        return d;
    }

    private static double[] features(List<Word> w, int i, int j, boolean[] inQ, int[] clause, boolean[] parens, int[] dist,
                                     int matched, int inside, int content, AnswerKind kind, int countedAt, int busiest) {
        int len = j - i;
        int caps = 0;
        boolean digit = false;
        boolean number = false;
        boolean date = false;
        int near = Integer.MAX_VALUE;
        int lastNumber = -1;
        for (int k = i; k < j; k++) {
            Word x = w.get(k);
            // a sentence's first word is capitalised anyway; only a date or number there is known to be a name
            if (x.capitalised() && !x.stop() && (k > 0 || x.numeric() || x.dateLike())) caps++;
            if (x.numeric()) lastNumber = k;
            digit |= DIGIT.matcher(x.text()).find();
            number |= x.numeric();
            date |= x.dateLike();
            near = Math.min(near, dist[k]);
        }
        // a phrase just left of a question word, or right after one, is where answers sit ("born in X", "X won")
        int before = 0;
        for (int k = Math.max(0, i - 4); k < i; k++) if (inQ[k] && clause[k] == clause[i]) before = 1;
        int after = 0;
        for (int k = j; k < Math.min(w.size(), j + 4); k++) if (inQ[k] && clause[k] == clause[i]) after = 1;
        boolean maxCaps = caps == len - stopsInside(w, i, j)
                && (i == 0 || !w.get(i - 1).capitalised() || w.get(i - 1).stop())
                && (j == w.size() || !w.get(j).capitalised() || w.get(j).stop());
        boolean maxChunk = (i == 0 || w.get(i - 1).stop() || inQ[i - 1] || clause[i - 1] != clause[i])
                && (j == w.size() || w.get(j).stop() || inQ[j] || clause[j] != clause[j - 1]);
        boolean locative = i > 0 && LOCATIVE.contains(w.get(i - 1).lower());
        // "how many X": a number followed by a different noun counts something else
        boolean countsOther = kind == AnswerKind.NUMBER && countedAt >= 0 && number
                && !(countedAt > lastNumber && countedAt - lastNumber <= 3);
        double capFrac = (double) caps / len;
        double[] f = new double[COUNT];
        int b = 0;
        f[b++] = len == 1 ? 1 : 0;
        f[b++] = len == 2 ? 1 : 0;
        f[b++] = len == 3 ? 1 : 0;
        f[b++] = len >= 4 ? 1 : 0;
        f[b++] = content == 0 ? 0 : (double) inside / content;
        f[b++] = inQ[i] || inQ[j - 1] ? 1 : 0;
        f[b++] = capFrac;
        f[b++] = maxCaps ? 1 : 0;
        f[b++] = maxChunk ? 1 : 0;
        f[b++] = digit ? 1 : 0;
        f[b++] = Math.log1p(near);
        f[b++] = matched == 0 ? 1 : 0;
        f[b++] = before;
        f[b++] = after;
        f[b++] = parens[i] ? 1 : 0;
        f[b++] = i == 0 ? 1 : 0;
        f[b++] = countsOther ? 1 : 0;
        f[b++] = locative ? 1 : 0;
        f[b++] = i > 0 && inQ[i - 1] ? 1 : 0;
        f[b++] = j < w.size() && inQ[j] ? 1 : 0;
        f[b++] = j == w.size() || clause[j] != clause[j - 1] ? 1 : 0;
        f[b++] = clause[i] == busiest ? 1 : 0;
        f[b++] = stopsInside(w, i, j) > 0 ? 1 : 0;
        f[b++] = caps == len && (j == w.size() || !w.get(j).capitalised() || w.get(j).stop()) ? 1 : 0;
        int k0 = BASE + PER_KIND * kind.ordinal();
        f[k0] = capFrac;
        f[k0 + 1] = number ? 1 : 0;
        f[k0 + 2] = date ? 1 : 0;
        f[k0 + 3] = maxCaps ? 1 : 0;
        f[k0 + 4] = locative ? 1 : 0;
        f[k0 + 5] = len == 1 ? 1 : 0;
        f[k0 + 6] = maxChunk ? 1 : 0;
        return f;
    }

    private static int stopsInside(List<Word> w, int i, int j) {
        int s = 0;
        for (int k = i; k < j; k++) if (w.get(k).stop()) s++;
        return s;
    }
}
