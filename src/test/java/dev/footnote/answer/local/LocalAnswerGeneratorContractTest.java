package dev.footnote.answer.local;

import dev.footnote.answer.AnswerGenerator;
import dev.footnote.answer.AnswerGeneratorContract;

class LocalAnswerGeneratorContractTest extends AnswerGeneratorContract {
    @Override
    protected AnswerGenerator generator() {
        return new LocalAnswerGenerator(seed.retriever, Calibration.DEFAULT);
    }
}
