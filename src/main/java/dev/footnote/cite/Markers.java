package dev.footnote.cite;

import dev.footnote.ingest.SentenceSplitter;
import dev.footnote.ingest.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one marker grammar: reads the {@code [n]}, {@code [1, 2]} or {@code [1][2]} markers of a model's text (where that
 * text enters) and writes the final {@code [n]} footnote markers of an answer (at the edges).
 */
public final class Markers {
    /** A marker such as {@code [1]}, {@code [1, 2]} or {@code [1;2]}; group 1 holds the numbers. */
    private static final String BARE = "\\[(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)\\]";
    private static final Pattern MARKER_ONLY = Pattern.compile(BARE);
    static final Pattern MARKER = Pattern.compile("\\s*" + BARE);
    /** Markers written after the full stop ("Geneva. [1]") move before it so they stay with their sentence. */
    private static final Pattern AFTER_STOP = Pattern.compile("([.!?。…]+[\"'”’»)\\]]*)((?:\\s*\\[\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*\\])+)");
    private static final SentenceSplitter SPLITTER = new SentenceSplitter(400);

    private Markers() {
    }

    /** Splits a model's text into sentences with the passage numbers their markers name, markers removed. */
    public static List<MarkedSentence> parse(String draft) {
        String text = AFTER_STOP.matcher(draft).replaceAll("$2$1");
        List<MarkedSentence> out = new ArrayList<>();
        for (Span s : SPLITTER.split(text)) {
            String raw = s.of(text);
            Set<Integer> ids = new LinkedHashSet<>();
            Matcher m = MARKER.matcher(raw);
            while (m.find()) {
                for (String n : m.group(1).split("[,;]")) ids.add(Integer.parseInt(n.strip()));
            }
            String clean = MARKER.matcher(raw).replaceAll("").replaceAll("\\s+([.,;:!?…]+[\"'”’»)\\]]*)$", "$1").strip();
            if (!clean.isEmpty() && clean.chars().anyMatch(Character::isLetterOrDigit)) {
                out.add(new MarkedSentence(clean, new ArrayList<>(ids)));
            } else if (!ids.isEmpty() && !out.isEmpty()) {
                // a marker on its own line belongs to the sentence before it
                MarkedSentence prev = out.remove(out.size() - 1);
                Set<Integer> merged = new LinkedHashSet<>(prev.markers());
                merged.addAll(ids);
                out.add(new MarkedSentence(prev.text(), new ArrayList<>(merged)));
            }
        }
        return out;
    }

    /** The answer text: each sentence followed by its footnote markers, sentences separated by one space. */
    public static String render(List<AnswerSentence> sentences) {
        return String.join("", renderEach(sentences));
    }

    /** Where a rendered sentence may be cut for streaming: after a comma, semicolon or colon, before the space. */
    private static final Pattern CLAUSE_END = Pattern.compile("[,;:](?=\\s)");

    /**
     * {@link #renderEach}, each sentence further cut after its commas, semicolons and colons, so that a one-sentence
     * answer still streams in readable pieces. The pieces concatenate to exactly the answer text, and a marker is never
     * cut (it holds no such punctuation followed by a space).
     */
    public static List<String> renderClauses(List<AnswerSentence> sentences) {
        List<String> out = new ArrayList<>();
        for (String sentence : renderEach(sentences)) {
            int from = 0;
            Matcher m = CLAUSE_END.matcher(sentence);
            while (m.find()) {
                out.add(sentence.substring(from, m.end()));
                from = m.end();
            }
            out.add(sentence.substring(from));
        }
        return out;
    }

    /** {@link #render} one sentence at a time, for streaming: the pieces concatenate to exactly the answer text. */
    public static List<String> renderEach(List<AnswerSentence> sentences) {
        List<String> out = new ArrayList<>(sentences.size());
        StringBuilder sb = new StringBuilder();
        for (AnswerSentence s : sentences) {
            sb.setLength(0);
            if (!out.isEmpty()) sb.append(' ');
            sb.append(s.text());
            if (!s.citations().isEmpty()) {
                sb.append(' ');
                for (int id : s.citations()) sb.append('[').append(id).append(']');
            }
            out.add(sb.toString());
        }
        return out;
    }

    /**
     * Rewrites every complete marker in {@code text}: each number n becomes {@code [renumber(n)]}, or disappears when
     * {@code renumber} returns a value below 1. Text around the markers is left exactly as it is.
     */
    public static String rewrite(String text, IntUnaryOperator renumber) {
        Matcher m = MARKER_ONLY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            StringBuilder ids = new StringBuilder();
            for (String n : m.group(1).split("[,;]")) {
                int id = renumber.applyAsInt(Integer.parseInt(n.strip()));
                if (id >= 1) ids.append('[').append(id).append(']');
            }
            m.appendReplacement(out, Matcher.quoteReplacement(ids.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The length of the prefix of {@code text} that can be shown while streaming: all of it, unless it ends inside a
     * marker that may still be completing, e.g. "Geneva [1" or "Geneva [".
     */
    public static int safePrefixLength(String text) {
        int open = text.lastIndexOf('[');
        if (open < 0) return text.length();
        int close = text.indexOf(']', open);
        if (close >= 0) return text.length();
        String tail = text.substring(open + 1);
        return tail.length() <= 12 && tail.matches("[\\d,;\\s]*") ? open : text.length();
    }
}
