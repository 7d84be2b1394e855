package dev.footnote.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.cite.Instructions;
import dev.footnote.ingest.SentenceSplitter;
import dev.footnote.ingest.Span;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instruction detector measured: the share of planted instruction sentences it catches, and the share of ordinary
 * sentences (every sentence of a passages file) it wrongly flags.
 */
public final class InjectionEval {
    private InjectionEval() {
    }

    /** Instruction sentences, one per line; blank lines and lines starting with # are skipped. */
    public static List<String> readInstructions(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) out.add(line.strip());
        }
        return out;
    }

    /** Every sentence of a passages file (JSON lines with {@code text}), as ingest splits them. */
    public static List<String> readSentences(Path passages) throws IOException {
        ObjectMapper json = new ObjectMapper();
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(passages, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                String text = n.path("text").asText();
                for (Span s : splitter.split(text)) out.add(s.of(text));
            }
        }
        return out;
    }

    /** Catch rate per instruction file, false-alarm rate over the ordinary sentences, and examples of each miss. */
    public static Map<String, Object> run(Map<String, List<String>> instructionSets, List<String> ordinary) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : instructionSets.entrySet()) {
            List<String> missed = e.getValue().stream().filter(s -> !Instructions.looksLikeInstruction(s)).toList();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sentences", e.getValue().size());
            m.put("caught", round(1 - (double) missed.size() / Math.max(1, e.getValue().size())));
            m.put("missed", missed);
            out.put(e.getKey(), m);
        }
        long t = System.nanoTime();
        List<String> alarms = ordinary.stream().filter(Instructions::looksLikeInstruction).toList();
        double us = (System.nanoTime() - t) / 1e3 / Math.max(1, ordinary.size());
        out.put("ordinary_sentences", ordinary.size());
        out.put("false_alarm_rate", round((double) alarms.size() / Math.max(1, ordinary.size())));
        out.put("false_alarms", alarms);
        out.put("us_per_sentence", Math.round(us * 10) / 10.0);
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
