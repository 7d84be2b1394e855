package dev.footnote.feedback;

import dev.footnote.answer.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The last answers given, by id, so a report that names only an answer id is resolved from what the server said. */
public final class RecentAnswers {
    private final Map<String, Answer> byId;

    public RecentAnswers(int capacity) {
        this.byId = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void remember(Answer a) {
        byId.put(a.id(), a);
    }

    public synchronized Optional<Answer> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
