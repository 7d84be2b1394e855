/** LangChain4j adapters for {@link dev.footnote.answer.AnswerGenerator}, and the prompt templates they render; the only package that imports {@code dev.langchain4j.model.chat}. */
package dev.footnote.answer.llm;
