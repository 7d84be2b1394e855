/** Loading files into documents and cutting them into chunks and sentences with exact character offsets. */
package dev.footnote.ingest;
