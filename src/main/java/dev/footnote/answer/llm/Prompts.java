package dev.footnote.answer.llm;

import dev.footnote.answer.ChatTurn;
import dev.footnote.config.ConfigException;
import dev.footnote.retrieve.Passage;
import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The system, answer and rewrite prompt templates, loaded once at start from a directory (falling back to the copies
 * bundled in the jar under {@code /prompts/}) and checked so that a missing or unknown variable fails at start.
 */
public final class Prompts {
    static final String SYSTEM = "system.txt";
    static final String ANSWER = "answer.txt";
    static final String REWRITE = "rewrite.txt";

    private static final int HISTORY_TURNS = 6;
    private static final int HISTORY_CHARS = 1000;
    private static final String NO_HISTORY = "(no earlier conversation)";

    private final String system;
    private final PromptTemplate answer;
    private final PromptTemplate rewrite;

    private Prompts(String system, PromptTemplate answer, PromptTemplate rewrite) {
        this.system = system;
        this.answer = answer;
        this.rewrite = rewrite;
    }

    /** Loads the templates from {@code dir}, taking any file it lacks from the classpath. */
    public static Prompts load(Path dir) {
        return loadFrom(dir);
    }

    /** The templates bundled in the jar. */
    public static Prompts bundled() {
        return loadFrom(null);
    }

    private static Prompts loadFrom(Path dir) {
        String system = read(dir, SYSTEM);
        check(SYSTEM, system, Set.of(), Set.of());
        String answer = read(dir, ANSWER);
        check(ANSWER, answer, Set.of("question", "passages"), Set.of("question", "passages", "history"));
        String rewrite = read(dir, REWRITE);
        check(REWRITE, rewrite, Set.of("question", "history"), Set.of("question", "history"));
        return new Prompts(system.strip(), PromptTemplate.from(answer), PromptTemplate.from(rewrite));
    }

    public String system() {
        return system;
    }

    /** The user prompt for answering {@code question} from numbered {@code passages}. */
    public String answer(String question, List<Passage> passages, List<ChatTurn> history) {
        return render(answer, Map.of("question", question, "passages", numbered(passages), "history", history(history)));
    }

    /** The prompt asking for a standalone form of {@code question}. */
    public String rewrite(String question, List<ChatTurn> history) {
        return render(rewrite, Map.of("question", question, "history", history(history)));
    }

    /** Passages as {@code [n] (title, date) text}, one per paragraph, numbered from 1. */
    static String numbered(List<Passage> passages) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            String title = p.title() == null || p.title().isBlank() ? p.docId() : p.title();
            String source = p.date() == null || p.date().isBlank() ? title : title + ", " + p.date();
            if (i > 0) out.append("\n\n");
            out.append('[').append(i + 1).append("] (").append(oneLine(source)).append(") ").append(p.text().strip());
        }
        return out.toString();
    }

    static String history(List<ChatTurn> history) {
        if (history.isEmpty()) return NO_HISTORY;
        StringBuilder out = new StringBuilder();
        for (ChatTurn turn : history.subList(Math.max(0, history.size() - HISTORY_TURNS), history.size())) {
            String content = oneLine(turn.content());
            if (content.length() > HISTORY_CHARS) content = content.substring(0, HISTORY_CHARS) + "…";
            if (out.length() > 0) out.append('\n');
            out.append(turn.role()).append(": ").append(content);
        }
        return out.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String render(PromptTemplate template, Map<String, Object> values) {
        return template.apply(values).text();
    }

    private static String read(Path dir, String name) {
        Path file = dir == null ? null : dir.resolve(name);
        try {
            if (file != null && Files.isRegularFile(file)) return Files.readString(file, StandardCharsets.UTF_8);
            try (InputStream in = Prompts.class.getResourceAsStream("/prompts/" + name)) {
                if (in == null) throw new ConfigException("prompt file " + name + " not found in " + (dir == null ? "the jar" : dir + " or the jar"));
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt file " + file, e);
        }
    }

    /** Fails unless {@code text} uses every {@code required} variable and renders with just the {@code known} ones. */
    private static void check(String name, String text, Set<String> required, Set<String> known) {
        if (text.isBlank()) throw new ConfigException("prompt file " + name + " is empty");
        for (String variable : required) {
            if (!text.contains("{{" + variable + "}}")) {
                throw new ConfigException("prompt file " + name + " must contain the variable {{" + variable + "}}");
            }
        }
        Map<String, Object> sample = new HashMap<>();
        known.forEach(v -> sample.put(v, "sample " + v));
        try {
            PromptTemplate.from(text).apply(sample);
        } catch (RuntimeException e) {
            throw new ConfigException("prompt file " + name + " cannot be rendered with variables " + known + ": "
                    + e.getMessage());
        }
    }
}
