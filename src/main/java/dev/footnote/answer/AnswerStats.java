package dev.footnote.answer;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters for /metrics: answers by generator, fallbacks by reason, abstentions, time per stage. */
public final class AnswerStats {
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> fallbacks = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> stageMillis = new ConcurrentHashMap<>();
    private final LongAdder abstentions = new LongAdder();

    void record(Answer a) {
        answers.computeIfAbsent(a.generator(), k -> new LongAdder()).increment();
        if (a.fallbackReason() != null) fallbacks.computeIfAbsent(a.fallbackReason(), k -> new LongAdder()).increment();
        if (a.abstained()) abstentions.increment();
        a.timingsMs().forEach((stage, ms) -> stageMillis.computeIfAbsent(stage, k -> new LongAdder()).add(ms));
    }

    public Map<String, Long> answersByGenerator() {
        return snapshot(answers);
    }

    public Map<String, Long> fallbacksByReason() {
        return snapshot(fallbacks);
    }

    public Map<String, Long> millisByStage() {
        return snapshot(stageMillis);
    }

    public long abstentions() {
        return abstentions.sum();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
