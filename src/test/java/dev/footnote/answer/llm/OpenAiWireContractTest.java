package dev.footnote.answer.llm;

import dev.footnote.answer.AnswerGenerator;
import dev.footnote.answer.AnswerGeneratorContract;
import dev.footnote.config.LlmSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** The contract through the real LangChain4j OpenAI client, over a socket to a stub speaking OpenAI's wire format. */
class OpenAiWireContractTest extends AnswerGeneratorContract {
    private StubLlmServer stub;

    @Override
    protected AnswerGenerator generator() throws Exception {
        stub = StubLlmServer.start().respondWith(StubLlmServer.answer(
                "Foreign Secretary Anthony Blinken held talks with ", "Russian Foreign Minister Sergei Lavrov in Geneva [1]. ",
                "The US announced $ 200 million in defense assistance to Ukraine [2]."));
        // a timeout a loaded machine never reaches: the stub answers at once, and the contract is not about time
        LlmSettings s = new LlmSettings("openai", "gpt-test", stub.openAiBaseUrl(), "sk-test", Duration.ofSeconds(60));
        return LangChain4jAnswerGenerator.from(s, Prompts.bundled()).orElseThrow();
    }

    @AfterEach
    void stop() {
        if (stub != null) stub.close();
    }
}
