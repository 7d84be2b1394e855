package dev.footnote.cite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.cite.Support;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Verdicts on hand-made sentence/span pairs, from offline evidence only. */
class SupportVerifierTest {
    private final SupportVerifier verifier = new SupportVerifier();

    @ParameterizedTest(name = "{2}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Blinken met Lavrov in Geneva.                              | Foreign Secretary Anthony Blinken warned on Friday after talks with Russian Foreign Minister Sergei Lavrov in Geneva, Switzerland. | SUPPORTED
            The US announced $ 200 million in defense assistance.     | Wednesday, US Government Announced $ 200 million in defense assistance to Ukraine. | SUPPORTED
            The US announced $ 500 million in defense assistance.     | Wednesday, US Government Announced $ 200 million in defense assistance to Ukraine. | PARTIAL
            Blinken met Merkel in Berlin to discuss gas prices.       | Foreign Secretary Anthony Blinken warned on Friday after talks with Russian Foreign Minister Sergei Lavrov in Geneva, Switzerland. | UNSUPPORTED
            Penguins cannot fly but swim very fast.                    | Foreign Secretary Anthony Blinken warned on Friday after talks with Russian Foreign Minister Sergei Lavrov in Geneva, Switzerland. | UNSUPPORTED
            Blinken held talks in Geneva about fishing quotas and tariffs on cheese. | Foreign Secretary Anthony Blinken warned on Friday after talks with Russian Foreign Minister Sergei Lavrov in Geneva, Switzerland. | PARTIAL
            """)
    void should_judge_support_from_shared_words_numbers_and_names(String sentence, String span, Support expected) {
        Verdict v = verifier.judge(sentence, Evidence.of(sentence), span, Evidence.of(span), span, Double.NaN);
        assertThat(v.support()).isEqualTo(expected);
        assertThat(v.reason()).isNotBlank();
    }

    @org.junit.jupiter.api.Test
    void a_missing_number_is_named_in_the_reason() {
        String s = "The US announced $ 500 million.";
        String span = "US Government Announced $ 200 million in defense assistance.";
        assertThat(verifier.judge(s, Evidence.of(s), span, Evidence.of(span), span, Double.NaN).reason()).contains("500");
    }
}
