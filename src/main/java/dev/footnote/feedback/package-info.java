/** Readers' verdicts on citations and answers: validated, stored in a JDBC database, exported as eval cases. */
package dev.footnote.feedback;
