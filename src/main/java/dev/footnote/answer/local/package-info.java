/** The extractive answerer that needs no network: it quotes the passage sentences that best answer the question, or abstains. */
package dev.footnote.answer.local;
