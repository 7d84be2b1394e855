package dev.footnote.answer.local;

import dev.footnote.answer.ChatTurn;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** Makes a follow-up standalone without a model: it carries the key words of the previous question forward. */
public final class FollowUps {
    private static final Set<String> GENERIC = Set.of("what", "who", "whom", "whose", "which", "when", "where", "why",
            "how", "did", "does", "do", "was", "were", "is", "are", "has", "have", "had", "can", "could", "would",
            "should", "will", "about", "tell", "me", "please", "said", "say", "says", "him", "her", "them", "his",
            "its", "it", "he", "she", "they", "also", "else", "more", "any", "some", "there", "their", "you", "your");
    private static final int MAX_CARRIED = 8;

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
        if (previous == null) return question;
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

    private static Set<String> words(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : s.split("[^\\p{L}\\p{N}'’-]+")) if (!w.isEmpty()) out.add(w.toLowerCase(Locale.ROOT));
        return out;
    }
}
