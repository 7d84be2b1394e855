package dev.footnote.cite;

import java.util.regex.Pattern;

/**
 * Recognises a sentence in a document that addresses the reader-as-assistant rather than informing a human reader:
 * directives aimed at an AI, assistant, model or "you" as the one answering, requests to state, say, reply, ignore or
 * reveal, in English, French, German and Spanish. Such a sentence is never evidence: a model that obeyed it and
 * quoted it back must not pass verification, and the local answerer must not quote it.
 */
public final class Instructions {
    /** Who is addressed: an AI, an assistant, a model, a bot (in the four languages). */
    private static final String ADDRESSEE = "(?:\\bai\\b|\\ba\\.i\\.|\\bia\\b|\\bki\\b|\\bllms?\\b|\\bgpt\\b|chatgpt|\\bclaude\\b|chatbots?\\b|\\bbots?\\b"
            + "|\\bassistant\\b|\\bassistante?\\b|\\bassistent(?:en)?\\b|\\basistente\\b|language models?|sprachmodell\\w*"
            + "|modele de langage|modelo de lenguaje|ai models?|modele d'ia|modelo de ia|\\bki-\\w+)";
    /** Speech acts asked of whoever answers, in their imperative, infinitive or modal forms. */
    private static final String ASK = "(?:\\b(?:say|state|tell|reply|respond|answer|output|print|reveal|repeat|write|claim|mention"
            + "|recommend|pretend|approve|inform|let the user know|let the reader know|make sure your"
            + "|dites|dis|dire|repondez|reponds|repondre|indiquez|indique|affirmez|affirme|affirmer|revelez|revele|reveler"
            + "|ecrivez|ecris|mentionnez|precisez"
            + "|sag|sage|sagen|antworte|antworten|behaupte|behaupten|gib|geben|schreibe|schreiben|mitteilen|teile|nenne|nennen|lauten"
            + "|di|diga|decir|responde|responda|responder|contesta|conteste|contestar|afirma|afirme|afirmar|revela|revele|revelar"
            + "|escribe|escriba|menciona|indica|informa)\\b)";
    /** The conversation itself: the answer, the user, the instructions, the prompt. */
    private static final String META = "(?:\\b(?:your (?:answer|response|reply|output|instructions|prompt|task|guidelines)"
            + "|the user|the reader|system prompt|instructions|prompt|guidelines|guidance"
            + "|ta reponse|votre reponse|l'utilisateur|consignes|instructions"
            + "|deine antwort|ihre antwort|dem nutzer|dem benutzer|den nutzer|anweisungen|systemprompt|regeln"
            + "|tu respuesta|su respuesta|al usuario|instrucciones|indicaciones)\\b)";
    /** Second person singular or polite, as the one who will answer. */
    private static final String YOU = "(?:\\b(?:you|your|yourself|vous|votre|tu|ta|ton|toi|du|dein|deine|deinen|dir|dich|eres|usted|tus)\\b)";

    private static final Pattern[] RULES = {
            // set aside what came before: "ignore the previous instructions", "pay no attention to the rules you got"
            p("\\b(?:ignore|disregard|forget|override|pay no attention to|ignorez|ignore|oubliez|oublie|ne tenez pas compte"
                    + "|ignoriere|ignorieren|vergiss|vergessen|beachte|ignora|ignore|olvida|olvide|no hagas caso)\\b.{0,60}"
                    + "(?:instructions?|prompts?|guidance|guidelines|rules|told|said|consignes|dit|anweisungen|regeln|gesagt"
                    + "|instrucciones|indicaciones|everything|tout|alles|todo|above|previous|precedentes|vorherigen|anteriores)"),
            // an AI, assistant or model addressed and asked to say something or told about the conversation
            p(ADDRESSEE + ".{0,80}(?:" + ASK + "|" + META + "|\\bmust\\b|\\bshould\\b|\\bdoit\\b|\\bmuss\\b|\\bsoll\\b|\\bdebe\\b)"),
            p("(?:" + ASK + "|" + META + ").{0,80}" + ADDRESSEE + "\\s*[.!]?$"),
            // "you" as the one answering: "in your answer", "you are now", "from now on you", "your new task"
            p("\\b(?:you are now|from now on|your new task|as an ai|a partir de maintenant|ab jetzt|von nun an|a partir de ahora"
                    + "|si vous etes|wenn du|si eres|if you are an?)\\b"),
            p(YOU + ".{0,60}" + META),
            p(META + ".{0,60}" + YOU),
            // an imperative speech act opening a clause, about the answer or the user
            p("(?:^|[,;:]\\s*|\\b(?:always|never|please|only|simply|and|do not|don't)\\s+)" + ASK + ".{0,80}"
                    + "(?:\\b(?:the user|the reader|users|readers|answer|response|reply|question|questions)\\b|" + META + ")"),
            p("(?:^|[,;:]\\s*|\\b(?:always|never|please)\\s+)(?:when answering|in your (?:answer|response|reply)|before answering)"),
    };

    /**
     * Words one of which every rule needs: a sentence without any of them is skipped before the patterns run, which
     * keeps the check to microseconds for ordinary prose (a set lookup per word, not a regex alternation).
     */
    private static final java.util.Set<String> TRIGGERS = new java.util.HashSet<>(java.util.Arrays.asList(("ai ia ki llm llms gpt chatgpt claude chatbot chatbots "
            + "bot bots assistant assistants assistante assistent assistenten asistente asistentes sprachmodell sprachmodells "
            + "langage lenguaje you your yourself vous votre tu ta ton toi du dein deine deinen dir dich eres usted tus "
            + "ignore ignorez ignoriere ignorieren ignora disregard forget override attention oubliez oublie tenez vergiss "
            + "vergessen beachte olvida olvide hagas answering maintenant ahora jetzt nun "
            + "say state tell reply respond answer output print reveal repeat write claim mention recommend pretend approve "
            + "inform let make dites dis dire repondez reponds repondre indiquez indique affirmez affirme affirmer revelez "
            + "revele reveler ecrivez ecris mentionnez precisez sag sage sagen antworte antworten behaupte behaupten gib "
            + "geben schreibe schreiben mitteilen teile nenne nennen lauten di diga decir responde responda responder "
            + "contesta conteste contestar afirma afirme afirmar revela revele revelar escribe escriba menciona indica informa")
            .split(" ")));
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Instructions() {
    }

    public static boolean looksLikeInstruction(String text) {
        String s = ClaimCheck.plain(text).replace('’', '\'').strip();
        boolean triggered = false;
        for (String w : NON_WORD.split(s)) {
            if (TRIGGERS.contains(w) || w.startsWith("sprachmodell")) {
                triggered = true;
                break;
            }
        }
        if (!triggered) return false;
        for (Pattern r : RULES) if (r.matcher(s).find()) return true;
        return false;
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex);
    }
}
