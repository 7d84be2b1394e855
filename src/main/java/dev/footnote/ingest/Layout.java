package dev.footnote.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a document's pages (PDF) or slides (PowerPoint) and its sections (headings) start in its text, so a span can
 * be located as "p. 3" or "slide 2, Results". {@code starts.get(i)} is the offset of page or slide {@code i + 1}.
 */
public record Layout(Unit unit, List<Integer> starts, List<Section> sections) {
    public static final Layout NONE = new Layout(null, List.of(), List.of());

    /** What the numbered parts of a document are. */
    public enum Unit { PAGE, SLIDE }

    /** A heading and the offset where its section begins. */
    public record Section(int start, String title) {
        public Section {
            if (start < 0) throw new IllegalArgumentException("section start < 0");
            title = title.replaceAll("\\s+", " ").strip();
        }
    }

    public Layout {
        starts = List.copyOf(starts);
        sections = List.copyOf(sections);
        if (unit == null && !starts.isEmpty()) throw new IllegalArgumentException("starts without a unit");
        for (int i = 1; i < starts.size(); i++) {
            if (starts.get(i) < starts.get(i - 1)) throw new IllegalArgumentException("starts out of order");
        }
        for (int i = 1; i < sections.size(); i++) {
            if (sections.get(i).start() < sections.get(i - 1).start()) throw new IllegalArgumentException("sections out of order");
        }
    }

    public boolean isEmpty() {
        return starts.isEmpty() && sections.isEmpty();
    }

    /** The page or slide (1-based) holding offset {@code at}, or null when the document has none. */
    public Integer numberAt(int at) {
        if (starts.isEmpty()) return null;
        int n = 1;
        for (int i = 1; i < starts.size() && starts.get(i) <= at; i++) n = i + 1;
        return n;
    }

    /** The heading of the section holding offset {@code at}, or null. */
    public String sectionAt(int at) {
        String title = null;
        for (Section s : sections) {
            if (s.start() > at) break;
            title = s.title();
        }
        return title;
    }

    /** Where the span {@code [start, end)} lies: its page (and last page when it crosses a break), slide and section. */
    public Location locate(int start, int end) {
        Integer first = numberAt(start);
        Integer last = numberAt(Math.max(start, end - 1));
        boolean crosses = first != null && !first.equals(last);
        return switch (unit == null ? Unit.PAGE : unit) {
            case PAGE -> new Location(first, crosses ? last : null, null, sectionAt(start));
            case SLIDE -> new Location(null, null, first, sectionAt(start));
        };
    }

    /** One line per part: the unit, the starts, then one {@code offset<TAB>heading} line per section. */
    public String encode() {
        StringBuilder sb = new StringBuilder(unit == null ? "" : unit.name());
        sb.append('\n');
        for (int i = 0; i < starts.size(); i++) sb.append(i == 0 ? "" : ",").append(starts.get(i));
        for (Section s : sections) sb.append('\n').append(s.start()).append('\t').append(s.title());
        return sb.toString();
    }

    /** Reads what {@link #encode()} wrote; null or blank (indexes that predate layouts) is {@link #NONE}. */
    public static Layout decode(String s) {
        if (s == null || s.isBlank()) return NONE;
        String[] lines = s.split("\n", -1);
        Unit unit = lines[0].isEmpty() ? null : Unit.valueOf(lines[0]);
        List<Integer> starts = new ArrayList<>();
        if (lines.length > 1 && !lines[1].isEmpty()) {
            for (String n : lines[1].split(",")) starts.add(Integer.parseInt(n));
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            int tab = lines[i].indexOf('\t');
            sections.add(new Section(Integer.parseInt(lines[i].substring(0, tab)), lines[i].substring(tab + 1)));
        }
        return new Layout(unit, starts, sections);
    }

    /** A span's place in its document; each part is null when the document has no such structure. */
    public record Location(Integer page, Integer pageEnd, Integer slide, String section) {
        public static final Location NONE = new Location(null, null, null, null);
    }
}
