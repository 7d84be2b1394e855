package dev.footnote.answer.local;

import dev.footnote.cite.AnswerSentence;
import dev.footnote.cite.Citation;
import dev.footnote.answer.ShortAnswer;
import dev.footnote.index.Analyzers;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finds the words of a sentence that answer a question: the best-scoring {@link SpanCandidates} phrase. */
public final class ShortAnswers {
    /**
     * Words that shape a question without naming what it is about: the question words, and the words a reader uses to
     * ask the documents rather than about the world ("What do the documents say about military aid?").
     */
    static final Set<String> QUESTION_TERMS = Set.copyOf(Analyzers.terms(
            "who whom whose what which when where why how did does do can could would should many much"
                    + " say says document documents text texts source sources article articles"));
    private static final Pattern HOW_MANY = Pattern.compile("\\bhow many ((?:[\\p{L}-]+\\s*){1,4})");
    /** Words that end the counted noun phrase of "how many …": "how many Russian troops | are …". */
    private static final Set<String> PHRASE_END = Set.of("are", "is", "was", "were", "did", "do", "does", "have", "has",
            "had", "will", "would", "can", "could", "should", "in", "on", "at", "of", "for", "by", "from", "with", "to",
            "there", "the", "a", "an");
    private static final Set<String> CURRENCY = Set.of("$", "£", "€", "dollars", "euros", "pounds", "USD", "EUR");
    private static final Pattern DEFINITIONAL = Pattern.compile("(?i)who (is|was|are|were) [^?]{1,60}\\??");
    private final SpanModel model;

    ShortAnswers(SpanModel model) {
        this.model = model;
    }

    public static final ShortAnswers DEFAULT = new ShortAnswers(SpanModel.DEFAULT);

    /** A question as the span finder reads it: the kind of answer, its informative terms, the noun it counts. */
    public record Question(String text, AnswerKind kind, Set<String> terms, String countedNoun, Set<String> names) {
        /** "Who is Lavrov?": asks who someone is, answered by the name with its title ("Foreign Minister Sergei Lavrov"). */
        boolean definitional() {
            return kind == AnswerKind.PERSON && terms.size() <= 3 && DEFINITIONAL.matcher(text.strip()).matches();
        }

        public static Question of(String question) {
            Set<String> terms = new LinkedHashSet<>(Analyzers.terms(question));
            terms.removeAll(QUESTION_TERMS);
            String counted = null;
            Matcher m = HOW_MANY.matcher(question.toLowerCase(Locale.ROOT));
            if (m.find()) {
                // the head noun is the last word before the verb: "how many Russian troops are …" counts troops
                String head = null;
                for (String word : m.group(1).strip().split("\\s+")) {
                    if (PHRASE_END.contains(word)) break;
                    head = word;
                }
                List<String> t = head == null ? List.of() : Analyzers.terms(head);
                if (!t.isEmpty()) counted = t.get(0);
            }
            Set<String> names = new LinkedHashSet<>();
            for (Analyzers.Token t : Analyzers.tokens(question)) {
                if (t.start() > 0 && Character.isUpperCase(question.charAt(t.start())) && terms.contains(t.term())) names.add(t.term());
            }
            return new Question(question, AnswerKind.of(question), Set.copyOf(terms), counted, Set.copyOf(names));
        }

        /** Whether a sentence's analysed term is one of the question's, allowing misspelled names. */
        public boolean mentions(String term) {
            if (term == null) return false;
            if (terms.contains(term)) return true;
            for (String n : names) if (Spelling.close(n, term)) return true;
            return false;
        }
    }

    /** The best phrase of a sentence: [start, end) in the sentence, its score, and whether it has the asked-for type. */
    public record Best(int start, int end, double score, boolean typed) {
    }

    /** The best phrase of {@code sentence} for the question, or null when the sentence has no candidate. */
    public Best best(Question q, String sentence) {
        return assess(q, sentence, SpanCandidates.words(sentence)).best();
    }

    /** A sentence's best phrase (null if none) and whether any phrase has the kind a strict question asks for. */
    record Assessment(Best best, boolean typed) {
    }

    Assessment assess(Question q, String sentence, List<SpanCandidates.Word> words) {
        Best best = null;
        Best bestTyped = null;
        boolean definitional = q.definitional();
        for (SpanCandidates.Candidate c : SpanCandidates.of(sentence, words, q)) {
            double s = model.score(c.features());
            boolean typed = typed(q, words, c);
            // the asked-about name within its capitalised run: the run says who it is
            if (definitional) typed = c.features()[7] > 0 && c.features()[4] > 0 && c.features()[4] < 1;
            if (best == null || s > best.score) best = new Best(c.start(), c.end(), s, typed);
            if (typed && (bestTyped == null || s > bestTyped.score)) bestTyped = new Best(c.start(), c.end(), s, true);
        }
        // a question that asks for a count, a date or a name is answered by a phrase of that kind, if there is one
        boolean strict = q.kind().strict() || q.kind() == AnswerKind.PLACE;
        return new Assessment(strict && bestTyped != null ? bestTyped : best, !q.kind().strict() || bestTyped != null);
    }

    private static boolean typed(Question q, List<SpanCandidates.Word> words, SpanCandidates.Candidate c) {
        double[] f = c.features();
        int k0 = SpanCandidates.BASE + SpanCandidates.PER_KIND * q.kind().ordinal();
        return switch (q.kind()) {
            // "how many X" counts: a sum of money is not a count, nor a number that counts another noun
            case NUMBER -> f[k0 + 1] > 0 && f[16] == 0 && !(q.countedNoun() != null && money(words, c));
            case DATE -> f[k0 + 2] > 0;
            // a name, not a day: "Friday" does not answer "who"
            case PERSON, PLACE, NAME -> f[k0 + 3] > 0 && f[4] < 1 && f[k0 + 2] == 0;
            default -> true;
        };
    }

    /** Whether the phrase, or the number it is part of ("$ 200 million"), is a sum of money. */
    private static boolean money(List<SpanCandidates.Word> words, SpanCandidates.Candidate c) {
        int from = c.from();
        while (from > 0 && words.get(from - 1).numeric() && !CURRENCY.contains(words.get(from - 1).text())) from--;
        for (int k = Math.max(0, from - 1); k < Math.min(words.size(), c.to() + 1); k++) {
            if (CURRENCY.contains(words.get(k).text())) return true;
        }
        return false;
    }

    /**
     * The short answer of a resolved answer: the best phrase of the quote cited by its first sentence, in document
     * offsets; null when the answer abstained, cites nothing, or no phrase scores above the model's floor.
     */
    public ShortAnswer find(String question, List<AnswerSentence> sentences, List<Citation> citations) {
        if (sentences.isEmpty() || sentences.get(0).citations().isEmpty()) return null;
        Map<Integer, Citation> byId = citations.stream().collect(Collectors.toMap(Citation::id, c -> c, (a, b) -> a));
        Question q = Question.of(question);
        ShortAnswer out = null;
        double top = Double.NEGATIVE_INFINITY;
        for (int id : sentences.get(0).citations()) {
            Citation c = byId.get(id);
            if (c == null) continue;
            Best b = best(q, c.quote());
            if (b == null || b.score() < model.minScore() || q.kind().strict() && !b.typed() || b.score() <= top) continue;
            top = b.score();
            out = new ShortAnswer(c.quote().substring(b.start(), b.end()), c.id(), c.start() + b.start(), c.start() + b.end());
        }
        return out;
    }

    /** Every candidate phrase of a sentence with its feature vector, for fitting {@link SpanModel} (calibration tools). */
    public List<Map<String, Object>> features(Question q, String sentence) {
        List<SpanCandidates.Word> words = SpanCandidates.words(sentence);
        return SpanCandidates.of(sentence, words, q).stream()
                .map(c -> Map.<String, Object>of("text", sentence.substring(c.start(), c.end()), "f", c.features(),
                        "typed", typed(q, words, c)))
                .toList();
    }
}
