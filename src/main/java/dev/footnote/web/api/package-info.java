/** The HTTP API on Javalin: thin handlers that parse, validate, call a service and write JSON; the only package importing io.javalin. */
package dev.footnote.web.api;
