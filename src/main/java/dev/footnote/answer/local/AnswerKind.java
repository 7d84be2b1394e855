package dev.footnote.answer.local;

import java.util.Locale;
import java.util.regex.Pattern;

/** What kind of words answer a question, read from its wh-phrase: a person, a date, a number, a place, a name. */
public enum AnswerKind {
    NUMBER("\\bhow (many|much|long|old|far|large|big|tall|high|fast|often|deep|wide|heavy)\\b|\\bwhat (percentage|percent|proportion|number|amount|fraction|share)\\b"),
    DATE("\\bwhen\\b|\\b(what|which|in which|in what) (year|years|date|day|month|century|decade|time|period|era|season)\\b"),
    PERSON("\\bwho\\b|\\bwhom\\b|\\bwhose\\b|\\b(what|which) (person|people|man|woman|company|organization|organisation|team|group|band|party|president|king|queen|leader|scientist|author|player|coach|university|school|agency|court|church|army)\\b"),
    PLACE("\\bwhere\\b|\\b(what|which|in what|in which) (country|countries|city|cities|state|states|place|region|continent|town|location|area|island|river|county|province|nation|street|building|stadium|venue)\\b"),
    NAME("\\b(what|which) \\w+ (is|was|are|were) (called|named|known)\\b|\\bwhat (is|was) the name\\b|\\bname of\\b"),
    WHAT("\\bwhat\\b|\\bwhich\\b"),
    OTHER("");

    private final Pattern pattern;

    AnswerKind(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    /** The kind of the answer the question asks for; OTHER for why/how questions and statements. */
    public static AnswerKind of(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        for (AnswerKind k : values()) if (k != OTHER && k.pattern.matcher(q).find()) return k;
        return OTHER;
    }

    /** Whether a question of this kind asks for a specific thing (a count, a date, a name) the evidence must contain. */
    public boolean strict() {
        return this == NUMBER || this == DATE || this == PERSON;
    }
}
