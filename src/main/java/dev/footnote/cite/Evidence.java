package dev.footnote.cite;

import dev.footnote.index.Analyzers;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checkable content of a piece of text: stemmed content words, numbers, and capitalised names. */
public record Evidence(Set<String> terms, Set<String> numbers, Set<String> names) {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}])(\\p{Lu}[\\p{L}'’-]{2,})");
    private static final Set<String> NOT_NAMES = Set.of("the", "this", "that", "these", "those", "there", "their",
            "they", "it", "its", "he", "she", "we", "in", "on", "at", "as", "an", "and", "but", "for", "if", "of",
            "to", "by", "with", "from", "after", "before", "although", "however", "furthermore", "according", "yes", "no");

    public static Evidence of(String text) {
        return of(text, Analyzers.terms(text));
    }

    public static Evidence of(String text, List<String> analyzedTerms) {
        Set<String> numbers = new HashSet<>();
        Matcher n = NUMBER.matcher(text);
        while (n.find()) numbers.add(n.group().replace(",", ""));
        Set<String> names = new HashSet<>();
        Matcher m = NAME.matcher(text);
        int first = 0;
        while (first < text.length() && !Character.isLetterOrDigit(text.charAt(first))) first++;
        while (m.find()) {
            if (m.start() == first) continue; // a capital at the start of a sentence is not a name
            String w = m.group(1).toLowerCase(Locale.ROOT);
            if (!NOT_NAMES.contains(w)) names.add(w);
        }
        return new Evidence(new HashSet<>(analyzedTerms), numbers, names);
    }

    /** Share of this text's content words found in {@code other}. */
    public double termRecall(Evidence other) {
        if (terms.isEmpty()) return 0;
        int hit = 0;
        for (String t : terms) if (other.terms.contains(t)) hit++;
        return (double) hit / terms.size();
    }

    /** Numbers in this text that {@code other} does not contain. */
    public Set<String> missingNumbers(Evidence other) {
        Set<String> out = new HashSet<>(numbers);
        out.removeAll(other.numbers);
        return out;
    }

    /** Names in this text that appear nowhere in {@code otherText} (case-insensitive). */
    public Set<String> missingNames(String otherText) {
        String lower = otherText.toLowerCase(Locale.ROOT);
        Set<String> out = new HashSet<>();
        for (String name : names) if (!lower.contains(name)) out.add(name);
        return out;
    }
}
