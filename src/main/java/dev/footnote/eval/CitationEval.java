package dev.footnote.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.cite.AnswerSentence;
import dev.footnote.cite.CitationResolver;
import dev.footnote.cite.Resolution;
import dev.footnote.cite.Support;
import dev.footnote.index.Analyzers;
import dev.footnote.ingest.SentenceSplitter;
import dev.footnote.ingest.Span;
import dev.footnote.retrieve.Passage;
import dev.footnote.retrieve.TermWeights;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Citation verification over labelled cases: each claim cites its case's passage through the answers' own resolver
 * (span resolution, then the support verdict), and the verdicts are counted against the labels.
 */
public final class CitationEval {
    /** One case: {@code claim} cites {@code passage}; {@code label} says whether the passage supports it. */
    public record Case(String id, String kind, boolean supported, String claim, String passageId, String title, String passage) {
    }

    /** One judged case, for inspection. */
    public record Judged(Case c, Support support, String reason) {
    }


    public static List<Case> readCases(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                JsonNode c = json.readTree(line);
                JsonNode p = c.path("passage");
                String label = c.path("label").asText();
                if (!label.equals("supported") && !label.equals("unsupported")) {
                    throw new IllegalArgumentException(file + " line " + n + ": label must be supported or unsupported");
                }
                out.add(new Case(c.path("id").asText("case-" + n), c.path("kind").asText("unknown"), label.equals("supported"),
                        c.path("claim").asText(), p.path("id").asText("p" + n), p.path("title").asText(""), p.path("text").asText()));
            }
        }
        return out;
    }

    /** Corpus statistics over the distinct passages of the cases, standing in for an index's. */
    public static TermWeights termWeights(List<Case> cases) {
        Map<String, Integer> df = new HashMap<>();
        Map<String, String> passages = new LinkedHashMap<>();
        for (Case c : cases) passages.putIfAbsent(c.passageId(), c.passage());
        for (String text : passages.values()) {
            for (String t : new java.util.HashSet<>(Analyzers.terms(text))) df.merge(t, 1, Integer::sum);
        }
        int n = Math.max(1, passages.size());
        return new TermWeights() {
            @Override
            public Map<String, Double> idf(Collection<String> terms) {
                Map<String, Double> out = new HashMap<>();
                for (String t : terms) out.put(t, TermWeights.bm25Idf(n, df.getOrDefault(t, 0)));
                return out;
            }
        };
    }

    /** Runs every case through {@code resolver}; passages are prepared (split, embedded) outside the timed part. */
    public Result run(List<Case> cases, CitationResolver resolver, Consumer<Judged> each) {
        Map<String, Passage> passages = new HashMap<>();
        for (Case c : cases) passages.computeIfAbsent(c.passageId(), id -> passage(c));
        Map<String, int[]> byKind = new TreeMap<>();
        int[] all = new int[6];
        long nanos = 0;
        for (Case c : cases) {
            Passage p = passages.get(c.passageId());
            long t = System.nanoTime();
            Resolution r = resolver.resolve(dev.footnote.cite.Markers.parse(c.claim() + " [1]"), List.of(p));
            nanos += System.nanoTime() - t;
            Support s = r.sentences().isEmpty() ? Support.UNSUPPORTED : worst(r.sentences());
            String reason = r.sentences().isEmpty() ? "no sentence" : r.sentences().get(0).reason();
            each.accept(new Judged(c, s, reason));
            int[] k = byKind.computeIfAbsent(c.kind(), x -> new int[6]);
            for (int[] counts : List.of(all, k)) {
                counts[0] += c.supported() ? 1 : 0;
                counts[1] += c.supported() ? 0 : 1;
                if (c.supported()) {
                    counts[2] += s == Support.SUPPORTED ? 1 : 0;
                    counts[3] += s != Support.UNSUPPORTED ? 1 : 0;
                } else {
                    counts[4] += s == Support.UNSUPPORTED ? 1 : 0;
                    counts[5] += s != Support.SUPPORTED ? 1 : 0;
                }
            }
        }
        return new Result(cases.size(), nanos / 1e6 / Math.max(1, cases.size()), all, byKind);
    }

    /** A claim may be split into several sentences; the least supported one decides. */
    private static Support worst(List<AnswerSentence> sentences) {
        Support w = Support.SUPPORTED;
        for (AnswerSentence s : sentences) if (s.support().ordinal() > w.ordinal()) w = s.support();
        return w;
    }

    /** The case passage as a retrieved passage, with sentences and stored terms as ingest makes them. */
    private static Passage passage(Case c) {
        String text = c.passage();
        List<Span> sentences = new SentenceSplitter().split(text);
        List<String> texts = sentences.stream().map(s -> s.of(text)).toList();
        float[][] vectors = new float[0][]; // verification reads no vectors
        List<List<String>> terms = texts.stream().map(s -> Analyzers.terms(s)).toList();
        return new Passage(c.passageId() + "#0", c.passageId(), c.title(), null, new Span(0, text.length()), text,
                sentences, vectors, terms);
    }

    /** Counts over supported cases (share supported, share kept) and unsupported ones (share caught, share flagged). */
    public record Result(int cases, double msPerCase, int[] all, Map<String, int[]> byKind) {
        public Map<String, Object> asJson() {
            Map<String, Object> out = figures(all);
            Map<String, Object> kinds = new LinkedHashMap<>();
            byKind.forEach((k, v) -> kinds.put(k, figures(v)));
            out.put("per_kind", kinds);
            out.put("cases", cases);
            out.put("ms_per_case", Math.round(msPerCase * 1000) / 1000.0);
            return out;
        }

        private static Map<String, Object> figures(int[] c) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (c[0] > 0) {
                m.put("faithful_supported", round((double) c[2] / c[0]));
                m.put("faithful_kept", round((double) c[3] / c[0]));
            }
            if (c[1] > 0) {
                m.put("false_caught", round((double) c[4] / c[1]));
                m.put("false_flagged", round((double) c[5] / c[1]));
            }
            m.put("cases", c[0] + c[1]);
            return m;
        }

        private static double round(double v) {
            return Math.round(v * 10000) / 10000.0;
        }
    }
}
