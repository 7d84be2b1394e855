/** Citations as data, below the answer layer: reading a model's markers, resolving them to document spans, judging support, rendering footnote markers. */
package dev.footnote.cite;
