package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.local.Calibration;
import dev.footnote.answer.local.LocalAnswerGenerator;
import dev.footnote.eval.CalibrationFit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrateRunnerTest {
    private static final Path SOURCE = Path.of("src/main/java/dev/footnote/answer/local");

    @Test
    void should_print_the_coefficients_in_use_exactly_as_their_source_files_hold_them() throws Exception {
        // given the coefficients in use, as a fit result
        Calibration d = Calibration.DEFAULT;
        CalibrationFit.Result r = new CalibrationFit.Result(List.of(), doubles(d.sentenceWeights()), doubles(d.confidenceWeights()),
                d.confidenceBias(), d.minConfidence(), 0, 0, 0, 0, 0, 0);

        // when / then: what eval calibrate prints can be pasted over the source, and the source is what it printed
        assertThat(Files.readString(SOURCE.resolve("Calibration.java"))).contains(CalibrateRunner.calibrationSource(r, d));
        assertThat(Files.readString(SOURCE.resolve("SpanModel.java")))
                .contains(CalibrateRunner.spanSource(doubles(LocalAnswerGenerator.spanWeights())));
        assertThat(Files.readString(SOURCE.resolve("LocalAnswerGenerator.java")))
                .contains(CalibrateRunner.shareSource(LocalAnswerGenerator.extraSentenceShare()));
    }

    @Test
    void should_write_coefficients_as_java_literals_to_three_decimals() {
        assertThat(CalibrateRunner.fmt(5.9704)).isEqualTo("5.97");
        assertThat(CalibrateRunner.fmt(-0.2955)).isEqualTo("-0.296");
        assertThat(CalibrateRunner.fmt(2.0)).isEqualTo("2.0");
        assertThat(CalibrateRunner.fmt(-1e-17)).isEqualTo("0.0");
    }

    private static double[] doubles(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
