package dev.footnote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md, read from the compiled classes (every reference a class makes is in its
 * constant pool, imports and fully qualified names alike): no loop between packages, frameworks only where they
 * belong, engines reached only through the retrieve/ and index/ ports.
 */
class PackageDependenciesTest {
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Pattern FOOTNOTE_CLASS = Pattern.compile("dev/footnote/((?:[a-z0-9_]+/)*)[A-Z]");
    /** package -> the packages (of this project) and external prefixes its classes refer to */
    private static final Map<String, Set<String>> USES = new TreeMap<>();
    private static final Map<String, String> BYTES = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> s = Files.walk(CLASSES.resolve("dev/footnote"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class")).toList()) {
                String pkg = packageOf(CLASSES.relativize(p).toString().replace('\\', '/'));
                String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                BYTES.merge(pkg, bytes, String::concat);
                Set<String> uses = USES.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = FOOTNOTE_CLASS.matcher(bytes);
                while (m.find()) {
                    String target = ("dev/footnote/" + m.group(1)).replaceAll("/$", "").replace('/', '.');
                    if (!target.equals(pkg)) uses.add(target);
                }
            }
        }
    }

    private static String packageOf(String classFile) {
        return classFile.substring(0, classFile.lastIndexOf('/')).replace('/', '.');
    }

    @Test
    void should_have_no_loop_between_packages() {
        // when
        List<List<String>> loops = loops(USES);

        // then
        assertThat(loops).as("package loops").isEmpty();
    }

    @Test
    void should_keep_javalin_in_web_and_langchain4j_chat_types_in_answer_llm() {
        assertThat(packagesMentioning("io/javalin/")).allMatch(p -> p.startsWith("dev.footnote.web"));
        assertThat(packagesMentioning("dev/langchain4j/model/chat/")).containsOnly("dev.footnote.answer.llm");
        assertThat(packagesMentioning("dev/langchain4j/data/message/")).containsOnly("dev.footnote.answer.llm");
    }

    @Test
    void should_reach_the_engines_only_through_the_factory() {
        // only the engine factory chooses an engine; everything else sees ChunkStore, Retriever, TermWeights, ChunkRanker
        for (String engine : List.of("dev.footnote.engine.lucene", "dev.footnote.engine.solr")) {
            assertThat(USES.entrySet().stream().filter(e -> e.getValue().contains(engine)).map(Map.Entry::getKey))
                    .as("packages using " + engine).containsOnly("dev.footnote.engine");
        }
        assertThat(packagesMentioning("org/apache/solr/")).containsOnly("dev.footnote.engine.solr");
        for (String lucene : List.of("org/apache/lucene/search/", "org/apache/lucene/store/", "org/apache/lucene/document/")) {
            assertThat(packagesMentioning(lucene)).as(lucene).containsOnly("dev.footnote.engine.lucene");
        }
    }

    @Test
    void should_keep_citations_below_answers() {
        assertThat(USES.get("dev.footnote.cite")).noneMatch(p -> p.startsWith("dev.footnote.answer"));
        assertThat(USES.get("dev.footnote.retrieve")).noneMatch(p -> p.startsWith("dev.footnote.answer") || p.startsWith("dev.footnote.cite"));
    }

    private static List<String> packagesMentioning(String prefix) {
        return BYTES.entrySet().stream().filter(e -> e.getValue().contains(prefix)).map(Map.Entry::getKey).toList();
    }

    /** Strongly connected components of more than one package (Tarjan), each a loop of imports. */
    static List<List<String>> loops(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<List<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) if (!index.containsKey(v)) connect(v, graph, index, low, stack, out);
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, List<List<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) out.add(component);
        }
    }

    @Test
    void should_find_a_loop_when_there_is_one() {
        // the rule itself can fail: a two-package loop is found, a chain is not
        assertThat(loops(Map.of("a", Set.of("b"), "b", Set.of("a"), "c", Set.of("a")))).hasSize(1);
        assertThat(loops(Map.of("a", Set.of("b"), "b", Set.of("c")))).isEmpty();
    }
}
