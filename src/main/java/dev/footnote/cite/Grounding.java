package dev.footnote.cite;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The grounding policy for a model's answer: in {@code strict} mode its unsupported sentences are removed (and listed
 * with their reasons), partial ones stay marked; in {@code mark} mode every sentence stays, marked with its verdict.
 */
public final class Grounding {
    /** How unsupported sentences of a model answer are treated. */
    public enum Mode {
        STRICT, MARK;

        public static Mode parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be strict or mark, got '" + value + "'");
            }
        }
    }

    /** A sentence taken out of the answer, and why. */
    public record Removed(String text, String reason) {
    }

    /**
     * The answer after the policy: its resolution (text, sentences and citations renumbered in order of first use),
     * the removed sentences, and whether too little survived to stand as the model's answer.
     */
    public record Result(Resolution resolution, List<Removed> removed, boolean mostlyUnsupported) {
        public Result {
            removed = List.copyOf(removed);
        }
    }

    private Grounding() {
    }

    /**
     * Applies {@code mode} to a resolved model answer. Whatever the mode, an answer with no supported sentence, or
     * with fewer than half of its sentences supported or partial, is {@code mostlyUnsupported}.
     */
    public static Result apply(Resolution r, Mode mode) {
        List<AnswerSentence> kept = new ArrayList<>();
        List<Removed> removed = new ArrayList<>();
        long supported = 0;
        for (AnswerSentence s : r.sentences()) {
            if (s.support() == Support.SUPPORTED) supported++;
            if (s.support() == Support.UNSUPPORTED && mode == Mode.STRICT) removed.add(new Removed(s.text(), s.reason()));
            else kept.add(s);
        }
        long surviving = r.sentences().stream().filter(s -> s.support() != Support.UNSUPPORTED).count();
        boolean mostly = supported == 0 || surviving * 2 < r.sentences().size();
        if (removed.isEmpty()) return new Result(r, removed, mostly);
        return new Result(renumber(kept, r), removed, mostly);
    }

    /** Keeps the citations the remaining sentences use, numbered 1, 2, … in order of first use, and rewrites the text. */
    private static Resolution renumber(List<AnswerSentence> kept, Resolution r) {
        Map<Integer, Citation> byId = new LinkedHashMap<>();
        for (Citation c : r.citations()) byId.put(c.id(), c);
        Map<Integer, Integer> newId = new LinkedHashMap<>();
        List<Citation> citations = new ArrayList<>();
        List<AnswerSentence> sentences = new ArrayList<>();
        for (AnswerSentence s : kept) {
            List<Integer> ids = new ArrayList<>();
            for (int old : s.citations()) {
                Integer id = newId.get(old);
                if (id == null) {
                    id = newId.size() + 1;
                    newId.put(old, id);
                    Citation c = byId.get(old);
                    citations.add(new Citation(id, c.docId(), c.title(), c.date(), c.chunkId(), c.passage(), c.passageStart(),
                            c.passageEnd(), c.start(), c.end(), c.quote()));
                }
                ids.add(id);
            }
            sentences.add(new AnswerSentence(s.text(), ids, s.support(), s.reason()));
        }
        return new Resolution(sentences, citations, r.droppedMarkers());
    }
}
