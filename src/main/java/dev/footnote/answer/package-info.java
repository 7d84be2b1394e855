/** Question in, grounded answer out: the answer service, the generator port and its drafts, above the citation layer. */
package dev.footnote.answer;
