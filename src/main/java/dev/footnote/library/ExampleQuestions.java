package dev.footnote.library;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions a new reader could ask of the indexed documents, read from their text without a model: what the most
 * quoted person said, who the next one is, and what the documents say about their most repeated topic ("military aid").
 */
public final class ExampleQuestions {
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Set<String> TITLES = Set.of("president", "minister", "secretary", "mr", "mrs", "ms", "dr",
            "senator", "governor", "chancellor", "king", "queen", "general", "professor", "prime", "ceo", "judge",
            "ambassador", "spokesman", "spokeswoman", "director", "chairman", "mayor", "pope", "prince", "princess");
    private static final Set<String> SPEECH = Set.of("said", "says", "told", "warned", "confirmed", "added", "announced",
            "stated", "explained", "argued", "wrote", "insisted", "claimed", "noted", "urged");
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with",
            "from", "and", "or", "but", "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "this",
            "these", "those", "it", "its", "as", "into", "than", "then", "there", "their", "they", "he", "she", "his",
            "her", "which", "who", "what", "when", "where", "will", "would", "could", "should", "can", "may", "not",
            "also", "more", "most", "other", "such", "some", "any", "all", "one", "two", "our", "we", "you", "after",
            "before", "about", "over", "said", "says", "told", "being", "during", "while", "between", "both",
            "each", "very", "just", "only", "even", "next", "last", "first", "new", "many", "much", "same", "own");
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "this", "that", "these", "those", "it", "he",
            "she", "they", "we", "i", "in", "on", "at", "of", "and", "but", "for", "as", "if", "after", "before", "when",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
            "april", "may", "june", "july", "august", "september", "october", "november", "december", "course",
            "furthermore", "however", "although", "eventually", "meanwhile", "there", "time");

    private ExampleQuestions() {
    }

    /** Up to {@code n} questions about these texts, most telling first. */
    public static List<String> of(List<String> texts, int n) {
        Map<String, Integer> people = new LinkedHashMap<>();
        Map<String, String> fullNames = new HashMap<>();
        Map<String, Integer> pairs = new LinkedHashMap<>();
        Map<String, Integer> mentions = new HashMap<>();
        for (String text : texts) read(text, people, fullNames, pairs, mentions);
        // spelling variants of one name (Blinken, Blingen) count as one person, under the commoner spelling
        Map<String, Integer> total = new LinkedHashMap<>();
        List<String> byMentions = people.keySet().stream()
                .sorted((a, b) -> mentions.getOrDefault(b, 0) - mentions.getOrDefault(a, 0)).toList();
        Map<String, String> canonical = new HashMap<>();
        for (String p : byMentions) {
            String into = total.keySet().stream().filter(q -> variant(p, q)).findFirst().orElse(p);
            canonical.put(p, into);
            total.merge(into, mentions.getOrDefault(p, 0), Integer::sum);
        }
        List<String> out = new ArrayList<>();
        List<String> ranked = total.keySet().stream().sorted((a, b) -> {
            int c = total.get(b) - total.get(a);
            if (c != 0) return c;
            c = people.get(b) - people.get(a);
            return c != 0 ? c : Boolean.compare(fullNames.containsKey(b), fullNames.containsKey(a));
        }).toList();
        if (!ranked.isEmpty()) out.add("What did " + ranked.get(0) + " say?");
        if (ranked.size() > 1) out.add("Who is " + fullNames.getOrDefault(ranked.get(1), ranked.get(1)) + "?");
        pairs.entrySet().stream().filter(e -> e.getValue() >= 2).sorted((a, b) -> b.getValue() - a.getValue())
                .findFirst().ifPresent(e -> out.add("What do the documents say about " + e.getKey() + "?"));
        for (int i = 2; i < ranked.size() && out.size() < n; i++) {
            out.add("Who is " + fullNames.getOrDefault(ranked.get(i), ranked.get(i)) + "?");
        }
        return out.size() > n ? List.copyOf(out.subList(0, n)) : List.copyOf(out);
    }

    /** Counts, in one text, each person (by surname) with evidence, and each repeated pair of content words. */
    private static void read(String text, Map<String, Integer> people, Map<String, String> fullNames,
                             Map<String, Integer> pairs, Map<String, Integer> mentions) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
            mentions.merge(m.group(), 1, Integer::sum);
        }
        for (int i = 0; i < words.size(); ) {
            if (!capitalised(words.get(i))) {
                if (i + 1 < words.size() && content(words.get(i)) && content(words.get(i + 1)) && !capitalised(words.get(i + 1))) {
                    pairs.merge(words.get(i).toLowerCase(Locale.ROOT) + " " + words.get(i + 1).toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
                i++;
                continue;
            }
            int j = i;
            while (j < words.size() && capitalised(words.get(j))) j++;
            person(words, i, j, people, fullNames);
            i = j;
        }
    }

    /** A run of capitalised words [i, j) is a person when a title precedes the name or a verb of speech is next to it. */
    private static void person(List<String> words, int i, int j, Map<String, Integer> people, Map<String, String> fullNames) {
        int from = i;
        boolean titled = false;
        for (int k = i; k < j; k++) {
            if (TITLES.contains(words.get(k).toLowerCase(Locale.ROOT))) {
                from = k + 1;
                titled = true;
            }
        }
        while (from < j && NOT_NAMES.contains(words.get(from).toLowerCase(Locale.ROOT))) from++;
        if (from >= j) return;
        boolean speaks = j < words.size() && SPEECH.contains(words.get(j).toLowerCase(Locale.ROOT))
                || i > 0 && SPEECH.contains(words.get(i - 1).toLowerCase(Locale.ROOT));
        if (SPEECH.contains(words.get(i).toLowerCase(Locale.ROOT)) && i + 1 < j) {
            from = Math.max(from, i + 1);
            speaks = true;
        }
        if (!titled && !speaks || j - from > 3) return;
        String surname = words.get(j - 1);
        if (surname.length() < 3) return;
        people.merge(surname, 1, Integer::sum);
        if (j - from > 1) fullNames.putIfAbsent(surname, String.join(" ", words.subList(from, j)));
    }

    /** Same first letter, same length within one, at most one letter different: Blinken and Blingen. */
    private static boolean variant(String a, String b) {
        if (a.charAt(0) != b.charAt(0) || a.length() < 5 || Math.abs(a.length() - b.length()) > 1) return false;
        if (a.length() != b.length()) {
            String longer = a.length() > b.length() ? a : b;
            String shorter = longer == a ? b : a;
            for (int k = 0; k < longer.length(); k++) {
                if ((longer.substring(0, k) + longer.substring(k + 1)).equals(shorter)) return true;
            }
            return false;
        }
        int diff = 0;
        for (int k = 0; k < a.length(); k++) if (a.charAt(k) != b.charAt(k)) diff++;
        return diff <= 1;
    }

    private static boolean capitalised(String w) {
        return Character.isUpperCase(w.charAt(0));
    }

    private static boolean content(String w) {
        return w.length() >= 3 && !STOP.contains(w.toLowerCase(Locale.ROOT));
    }
}
