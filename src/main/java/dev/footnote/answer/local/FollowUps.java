package dev.footnote.answer.local;

import dev.footnote.answer.ChatTurn;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Makes a follow-up standalone without a model: when the question leans on the conversation (a pronoun, an ellipsis
 * such as "and in Kiev?", "what about …"), it carries the key words of the previous question forward; a question that
 * stands alone is returned as asked.
 */
public final class FollowUps {
    private static final Set<String> GENERIC = Set.of("what", "who", "whom", "whose", "which", "when", "where", "why",
            "how", "did", "does", "do", "was", "were", "is", "are", "has", "have", "had", "can", "could", "would",
            "should", "will", "about", "tell", "me", "please", "said", "say", "says", "him", "her", "them", "his",
            "its", "it", "he", "she", "they", "also", "else", "more", "any", "some", "there", "their", "you", "your");
    private static final int MAX_CARRIED = 8;
    /** Words that point back into the conversation. */
    private static final java.util.regex.Pattern LEANS = java.util.regex.Pattern.compile(
            "\\b(he|she|him|her|his|hers|they|them|their|theirs|it|its|itself|themselves|himself|herself|"
            + "the same|the other|the former|the latter|else|either)\\b|\\b(there|too|also)\\s*\\?\\s*$",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    /** A bare question word or two: "Why?", "Why not?", "When exactly?". */
    private static final java.util.regex.Pattern BARE = java.util.regex.Pattern.compile(
            "^\\s*(why|when|where|who|how|which|what)\\b\\s*(\\S+)?\\s*\\??\\s*$", java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern SHORT_DEMONSTRATIVE = java.util.regex.Pattern.compile(
            "\\b(this|that|these|those)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    private FollowUps() {
    }

    public static String rewrite(String question, List<ChatTurn> history) {
        String previous = null;
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).role().equals("user")) {
                previous = history.get(i).content();
                break;
            }
        }
        if (previous == null || !needsContext(question)) return question;
        Set<String> have = words(question);
        Set<String> carried = new LinkedHashSet<>();
        for (String w : previous.split("[^\\p{L}\\p{N}'’-]+")) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (w.length() < 3 || GENERIC.contains(lower) || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(lower)
                    || have.contains(lower)) {
                continue;
            }
            carried.add(w);
            if (carried.size() >= MAX_CARRIED) break;
        }
        if (carried.isEmpty()) return question;
        return question.strip() + " (" + String.join(" ", carried) + ")";
    }

    /**
     * The words a {@link #rewrite} carried over from the conversation (the parenthesised tail it appends), or an empty
     * string for a question that was not rewritten. They place the question; the reader's own words say what is asked.
     */
    static String carried(String standalone) {
        String q = standalone.strip();
        int open = carriedFrom(q);
        return open < 0 ? "" : q.substring(open + 2, q.length() - 1);
    }

    /** The question as the reader asked it, before the words a {@link #rewrite} carried over; the whole question if none. */
    static String asked(String standalone) {
        String q = standalone.strip();
        int open = carriedFrom(q);
        return open < 0 ? q : q.substring(0, open);
    }

    /** Where the parenthesised tail a {@link #rewrite} appends begins in {@code q} (stripped), or -1. */
    private static int carriedFrom(String q) {
        return q.endsWith(")") ? q.lastIndexOf(" (") : -1;
    }

    /** Whether the question leans on what was said before, so cannot be searched on its own. */
    static boolean needsContext(String question) {
        String q = question.strip();
        if (q.startsWith("(") || q.isEmpty()) return false;
        if (startsWithConjunctionOrEllipsis(q)) return true;
        if (LEANS.matcher(q).find() || BARE.matcher(q).matches()) return true;
        int n = q.split("\\s+").length;
        return n <= 5 && SHORT_DEMONSTRATIVE.matcher(q).find();
    }

    private static boolean startsWithConjunctionOrEllipsis(String q) {
        String lower = q.toLowerCase(Locale.ROOT);
        return lower.matches("^(and|or|but|also|what about|how about|same (for|with))\\b.*");
    }

    private static Set<String> words(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : s.split("[^\\p{L}\\p{N}'’-]+")) if (!w.isEmpty()) out.add(w.toLowerCase(Locale.ROOT));
        return out;
    }
}
