package dev.footnote.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem body ({@code application/problem+json}), plus the offending {@code field} where there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, String field) {
    static final String CONTENT_TYPE = "application/problem+json";
}
