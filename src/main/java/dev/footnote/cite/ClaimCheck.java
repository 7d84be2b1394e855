package dev.footnote.cite;


import dev.footnote.index.Analyzers;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges whether a passage supports a claim, offline: aligns the claim's words to the best sentence of the passage
 * and its neighbours, weighs the words the passage never mentions by how informative they are (a missing rare word,
 * name or number is strong evidence against; a missing question word or common word is a paraphrase), spots a
 * phrase swapped for one the passage does not say, and uses the embedding similarity of claim and sentence as one
 * more signal. Inputs are strings, term lists and numbers, so the judgement can be measured on its own
 * ({@code eval citations}).
 */
public final class ClaimCheck {
    /** IDF given to a word the corpus has never seen: as informative as the rarest words. */
    static final double UNSEEN_IDF = 8.0;
    /**
     * Closed-class words the analyzer keeps (question words, auxiliaries, quantifiers): they carry no checkable fact,
     * so a restated question ("What venue did …") is not penalised for them.
     */
    private static final Set<String> FUNCTION_TERMS = analysed("what which who whom whose when where why how did does do "
            + "done doing has have had having was were been being am is are can could would should may might must shall "
            + "also much many more most some any each other such than too very just only own same so about above after "
            + "again against all before below between both during few further here once over under until up down off out "
            + "through while because whom whatever whichever whoever name named called known one ones");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    /** Numbers in words; a missing one is weaker evidence than missing digits, since questions use them loosely. */
    private static final Pattern NUMBER_WORD = Pattern.compile("(?i)\\b(?:two|three|four|five|six|seven|eight|nine|ten|"
            + "eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|second|third|fourth|fifth|"
            + "sixth|seventh|eighth|ninth|tenth|twice|dozen)\\b");
    /**
     * A name (or swapped word) whose IDF is at least this share of the corpus's largest counts as rare: its absence is a
     * fact the claim adds. Relative, so a small corpus, where every word is "rare", does not flag every paraphrase.
     * Tuned on the even-numbered citation cases (4.5 of 7.1 there).
     */
    static final double RARE_SHARE = 0.63;
    /** The key under which the caller passes the IDF of a term the corpus has never seen (its largest IDF). */
    public static final String UNSEEN = "\u0000unseen";
    /** A claim whose words follow the sentence's order this closely restates that sentence rather than paraphrasing. */
    static final double IN_ORDER = 0.7;
    static final double SUPPORTED_COVER = 0.55;
    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{Lu}[\\p{L}\\p{M}'’.-]*\\p{L})");
    private static final Set<String> NOT_NAMES = Set.of("the", "this", "that", "these", "those", "there", "their",
            "they", "it", "its", "he", "she", "we", "in", "on", "at", "as", "an", "and", "but", "for", "if", "of", "to",
            "by", "with", "from", "after", "before", "although", "however", "furthermore", "according", "yes", "no",
            "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "during", "since", "while", "i", "a");

    /**
     * What is known about the cited passage: its sentences (text, analysed terms in order), title, which to ignore; and
     * what every claim checked against it reads (its terms, its text, its sentences' words), worked out once.
     */
    public static final class Source {
        private final List<String> sentences;
        private final List<List<String>> sentenceTerms;
        private final String title;
        private final boolean[] ignored;
        /** The terms of the title and of every sentence not ignored. */
        private final Set<String> terms;
        /** The title and every sentence not ignored, a line each. */
        private final String text;
        private final String plainText;
        /** Per sentence: its words as {@link #requote} compares them; null until asked. */
        private final List<String>[] words;

        @SuppressWarnings("unchecked")
        public Source(List<String> sentences, List<List<String>> sentenceTerms, String title, boolean[] ignored) {
            this.sentences = sentences;
            this.sentenceTerms = sentenceTerms;
            this.title = title;
            this.ignored = ignored;
            Set<String> t = new HashSet<>(Analyzers.terms(title));
            StringBuilder b = new StringBuilder(title).append('\n');
            for (int i = 0; i < sentences.size(); i++) {
                if (ignored[i]) continue;
                t.addAll(sentenceTerms.get(i));
                b.append(sentences.get(i)).append('\n');
            }
            this.terms = t;
            this.text = b.toString();
            this.plainText = plain(text);
            this.words = new List[sentences.size()];
        }

        public List<String> sentences() {
            return sentences;
        }

        public List<List<String>> sentenceTerms() {
            return sentenceTerms;
        }

        public String title() {
            return title;
        }

        public boolean[] ignored() {
            return ignored;
        }

        private List<String> words(int i) {
            if (words[i] == null) words[i] = ClaimCheck.words(sentences.get(i));
            return words[i];
        }
    }

    /** The judgement: which sentence of the source best supports the claim, and the verdict. */
    public record Judgement(int sentence, Verdict verdict) {
    }

    /**
     * @param claim      the claim's text
     * @param claimTerms its analysed terms, in order
     * @param idf        informativeness of the claim's terms (corpus statistics); a term without an entry is unseen
     * @param cosines    embedding similarity of the claim with each source sentence, or null
     */
    public Judgement judge(String claim, List<String> claimTerms, Source source, Map<String, Double> idf, double[] cosines) {
        int n = source.sentences().size();
        double rare = RARE_SHARE * idf.getOrDefault(UNSEEN, UNSEEN_IDF);
        List<String> terms = new ArrayList<>();
        for (String t : claimTerms) if (!FUNCTION_TERMS.contains(t)) terms.add(t);
        Set<String> passageTerms = source.terms;
        double total = 0;
        for (String t : new HashSet<>(terms)) total += weight(t, idf);
        int best = bestSentence(terms, source, idf, total, cosines);
        if (best < 0) return new Judgement(-1, new Verdict(Support.UNSUPPORTED, 0, "the cited text holds no evidence"));
        Set<String> window = new HashSet<>(source.sentenceTerms().get(best));
        if (best > 0 && !source.ignored()[best - 1]) window.addAll(source.sentenceTerms().get(best - 1));
        if (best + 1 < n && !source.ignored()[best + 1]) window.addAll(source.sentenceTerms().get(best + 1));
        double cover = coverage(new HashSet<>(terms), window, idf, total);
        double cos = cosines == null ? Double.NaN : cosines[best];

        Set<String> absentNumbers = absentNumbers(NUMBER, claim, source.text);
        Set<String> commonAbsentNames = new LinkedHashSet<>(absentNumbers(NUMBER_WORD, claim, source.text));
        Set<String> absentNames = new LinkedHashSet<>();
        for (String name : absentNames(claim, source.plainText)) {
            List<String> t = Analyzers.terms(name);
            double w = t.isEmpty() ? UNSEEN_IDF : weight(t.get(0), idf);
            (w >= rare ? absentNames : commonAbsentNames).add(name);
        }
        Swap swapped = swap(terms, passageTerms, source.sentenceTerms().get(best));
        Stated stated = Stated.of(claim);
        Requote requote = requote(claim, stated, source, passageTerms, idf, rare);
        String absentValue = stated != null && stated.noneIn(passageTerms) ? stated.shown() : null;
        String facts = String.format(Locale.ROOT, "%.0f%% of its informative words are in the cited text%s",
                cover * 100, Double.isNaN(cos) ? "" : String.format(Locale.ROOT, ", similarity %.2f", cos));
        Support s;
        String why;
        if (!absentNumbers.isEmpty()) {
            s = Support.UNSUPPORTED;
            why = "the cited passage never gives " + String.join(", ", absentNumbers) + "; " + facts;
        } else if (!absentNames.isEmpty()) {
            s = Support.UNSUPPORTED;
            why = "the cited passage never mentions " + String.join(", ", absentNames) + "; " + facts;
        } else if (absentValue != null) {
            s = Support.UNSUPPORTED;
            why = "the value the claim states (\"" + absentValue + "\") is nowhere in the cited passage; " + facts;
        } else if (requote != null) {
            // a quotation with one stretch changed: the change is the claim's own fact; a rare word there is a changed
            // name or value, a common one may be a synonym ("match" for "game"), so it is only partial
            s = requote.rare() ? Support.UNSUPPORTED : Support.PARTIAL;
            why = "the claim quotes the cited text but says \"" + requote.claimSays() + "\" where it says \""
                    + requote.sentenceSays() + "\"; " + facts;
            return new Judgement(best, new Verdict(s, cover, why));
        } else if (swapped != null && swapped.length() > 1) {
            // one word in another word's place is as often a paraphrase ("held talks" for "warned after talks") as a
            // changed fact, so only a swapped phrase of two or more words counts
            s = Support.UNSUPPORTED;
            why = "the cited text says something else where the claim says \"" + swapped.words() + "\"; " + facts;
        } else if (!commonAbsentNames.isEmpty()) {
            s = cover >= 0.3 ? Support.PARTIAL : Support.UNSUPPORTED;
            why = "the cited passage does not mention " + String.join(", ", commonAbsentNames) + "; " + facts;
        } else if (cover >= SUPPORTED_COVER) {
            s = Support.SUPPORTED;
            why = facts;
        } else if (cover >= 0.3) {
            s = Support.PARTIAL;
            why = facts;
        } else {
            s = Support.UNSUPPORTED;
            why = facts;
        }
        String given = stated != null && stated.givenBy(passageTerms, absentNumbers, absentNames) ? stated.shown() : null;
        if (s == Support.UNSUPPORTED && absentValue == null && given != null) {
            // "Who was the 2015 NFL MVP: Cam Newton." states a value the passage gives; what the lead-in adds that
            // the passage lacks (a year, a name, other wording) is a detail, so the claim is partly supported
            s = Support.PARTIAL;
            why = "the cited passage gives the stated value (\"" + given + "\"), but " + why;
        }
        return new Judgement(best, new Verdict(s, cover, why));
    }

    private static int bestSentence(List<String> terms, Source source, Map<String, Double> idf, double total, double[] cosines) {
        Set<String> claim = new HashSet<>(terms);
        int best = -1;
        double bestScore = -1;
        for (int i = 0; i < source.sentences().size(); i++) {
            if (source.ignored()[i]) continue;
            double cov = coverage(claim, new HashSet<>(source.sentenceTerms().get(i)), idf, total);
            double cos = cosines == null || Double.isNaN(cosines[i]) ? 0 : cosines[i];
            double score = cov + 0.25 * cos;
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /** A claim that repeats a sentence word for word except one stretch, and what stands there in each. */
    private record Requote(String claimSays, String sentenceSays, boolean rare) {
    }

    /**
     * What a claim of the form "…: value" states after its last colon ("What venue …: Levi's Stadium"), and the content
     * terms of that value; "10:30" has no space after its colon, so states nothing.
     */
    private record Stated(String text, List<String> terms) {
        static Stated of(String claim) {
            Matcher m = VALUE.matcher(claim);
            if (!m.find()) return null;
            String value = m.group(1).strip();
            List<String> terms = new ArrayList<>();
            for (String t : Analyzers.terms(value)) if (!FUNCTION_TERMS.contains(t)) terms.add(t);
            return new Stated(value, terms);
        }

        /** The value as a reason quotes it, without its closing punctuation. */
        String shown() {
            return text.replaceAll("[.!?]+$", "");
        }

        /** A claim stands or falls with its value: true when the passage has none of the value's content words. */
        boolean noneIn(Set<String> passageTerms) {
            return !terms.isEmpty() && terms.stream().noneMatch(passageTerms::contains);
        }

        /** True when the passage has every content word of the value and none of its missing numbers or names stand in it. */
        boolean givenBy(Set<String> passageTerms, Set<String> absentNumbers, Set<String> absentNames) {
            for (String missing : absentNumbers) if (text.contains(missing)) return false;
            for (String missing : absentNames) if (text.contains(missing)) return false;
            return !terms.isEmpty() && passageTerms.containsAll(terms);
        }
    }

    /** What a claim states after its last colon: see {@link Stated}. */
    private static final Pattern VALUE = Pattern.compile(":\\s+([^:]+)$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*");
    /** A changed stretch longer than this is a rewrite, not a quotation with a word changed. */
    static final int REQUOTE_RUN = 6;

    /**
     * The claim read as a quotation of one source sentence with a single stretch changed: the words before and after it
     * are the sentence's own, in its order, and the stretch holds a word the passage never uses. Adding words around a
     * quotation (nothing of the sentence replaced) or rewording most of it does not count.
     */
    private static Requote requote(String claim, Stated stated, Source source, Set<String> passageTerms, Map<String, Double> idf,
                                   double rare) {
        List<String> c = words(claim);
        if (c.size() < 4) return null;
        int valueWords = stated == null ? 0 : words(stated.text()).size();
        for (int i = 0; i < source.sentences().size(); i++) {
            if (source.ignored()[i]) continue;
            List<String> s = source.words(i);
            int p = 0;
            while (p < c.size() && p < s.size() && c.get(p).equals(s.get(p))) p++;
            int q = 0;
            while (q < c.size() - p && q < s.size() - p && c.get(c.size() - 1 - q).equals(s.get(s.size() - 1 - q))) q++;
            int claimRun = c.size() - p - q;
            int sentenceRun = s.size() - p - q;
            if (claimRun < 1 || claimRun > REQUOTE_RUN || sentenceRun < 1 || sentenceRun > REQUOTE_RUN + 2) continue;
            if (p + q < Math.max(3, c.size() / 2)) continue;
            // "When did it premiere: 22 October 2006" introduces a quotation of the sentence's end; it changes nothing
            if (p == 0 && valueWords > 0 && q >= valueWords) continue;
            String said = String.join(" ", c.subList(p, c.size() - q));
            double absent = -1;
            for (String t : Analyzers.terms(said)) {
                if (!FUNCTION_TERMS.contains(t) && !passageTerms.contains(t)) absent = Math.max(absent, weight(t, idf));
            }
            if (absent < 0) continue;
            return new Requote(said, String.join(" ", s.subList(p, s.size() - q)), absent >= rare);
        }
        return null;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(plain(text));
        while (m.find()) out.add(m.group());
        return out;
    }

    /** A run of {@code length} claim words standing where the sentence says something else. */
    private record Swap(String words, int length) {
    }

    /**
     * A run of claim words absent from the passage, between two words that stand close together in the cited
     * sentence with other words between them: the claim replaced what the sentence says there. Returns the run.
     */
    private static Swap swap(List<String> claim, Set<String> passage, List<String> sentenceTerms) {
        List<String> sentence = new ArrayList<>();
        for (String t : sentenceTerms) if (!FUNCTION_TERMS.contains(t)) sentence.add(t);
        Set<String> said = new HashSet<>(claim);
        boolean inOrder = inOrderShare(claim, sentence) >= IN_ORDER;
        int i = 0;
        while (i < claim.size()) {
            if (passage.contains(claim.get(i))) {
                i++;
                continue;
            }
            int a = i;
            while (i < claim.size() && !passage.contains(claim.get(i))) i++;
            boolean leftEdge = a < 2;
            boolean rightEdge = i + 2 > claim.size();
            if (leftEdge && rightEdge || (leftEdge || rightEdge) && !inOrder) continue;
            // where the sentence's own words stand on either side of the run; at an edge of the claim, the sentence
            // must go on past that edge with words the claim does not have
            int p = leftEdge ? -1 : find(sentence, claim.get(a - 2), claim.get(a - 1), 0);
            if (!leftEdge && p < 0) continue;
            int from = leftEdge ? 0 : p + 2;
            int r = rightEdge ? Math.min(sentence.size(), from + (i - a) + 3) : find(sentence, claim.get(i), claim.get(i + 1), from);
            if (r < 0) continue;
            if (leftEdge) from = Math.max(0, r - (i - a) - 3);
            if (r - from > (i - a) + 8) continue;
            for (int k = from; k < r; k++) {
                if (!said.contains(sentence.get(k))) return new Swap(String.join(" ", claim.subList(a, i)), i - a);
            }
        }
        return null;
    }

    /** Share of the claim's words found in the sentence in the same order (longest common subsequence). */
    static double inOrderShare(List<String> claim, List<String> sentence) {
        if (claim.isEmpty()) return 0;
        int[][] l = new int[claim.size() + 1][sentence.size() + 1];
        for (int x = 1; x <= claim.size(); x++) {
            for (int y = 1; y <= sentence.size(); y++) {
                l[x][y] = claim.get(x - 1).equals(sentence.get(y - 1)) ? l[x - 1][y - 1] + 1 : Math.max(l[x - 1][y], l[x][y - 1]);
            }
        }
        return (double) l[claim.size()][sentence.size()] / claim.size();
    }

    /** Position of the pair {@code a b} in {@code s} (consecutive), at or after {@code from}; -1 when absent. */
    private static int find(List<String> s, String a, String b, int from) {
        for (int k = from; k + 1 < s.size(); k++) if (s.get(k).equals(a) && s.get(k + 1).equals(b)) return k;
        return -1;
    }

    private static Set<String> absentNumbers(Pattern number, String claim, String passage) {
        Set<String> have = new HashSet<>();
        Matcher m = number.matcher(passage);
        while (m.find()) have.add(m.group().replace(",", "").toLowerCase(Locale.ROOT));
        Set<String> out = new LinkedHashSet<>();
        m = number.matcher(claim);
        while (m.find()) {
            String v = m.group().replace(",", "").toLowerCase(Locale.ROOT);
            if (!have.contains(v)) out.add(m.group());
        }
        return out;
    }

    /** Capitalised words of the claim (not its first word) that the passage never mentions, in any inflection. */
    private static Set<String> absentNames(String claim, String plainPassage) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NAME.matcher(claim);
        int first = 0;
        while (first < claim.length() && !Character.isLetterOrDigit(claim.charAt(first))) first++;
        while (m.find()) {
            if (m.start() == first) continue; // a capital at the start of a sentence is not a name
            String w = plain(m.group(1)).replaceAll("['’]s?$", "");
            if (NOT_NAMES.contains(w) || w.length() < 2) continue;
            if (plainPassage.contains(w)) continue;
            if (w.endsWith("s") && plainPassage.contains(w.substring(0, w.length() - 1))) continue;
            out.add(m.group(1));
        }
        return out;
    }

    /** Lower case without diacritics, so "Müntzer" and "Muntzer" meet. */
    static String plain(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private static double coverage(Set<String> claim, Set<String> in, Map<String, Double> idf, double total) {
        if (total <= 0) return 0;
        double hit = 0;
        for (String t : claim) if (in.contains(t)) hit += weight(t, idf);
        return hit / total;
    }

    private static double weight(String term, Map<String, Double> idf) {
        Double w = idf.get(term);
        return w == null ? UNSEEN_IDF : w;
    }

    private static Set<String> analysed(String words) {
        return Set.copyOf(Analyzers.terms(words));
    }
}
