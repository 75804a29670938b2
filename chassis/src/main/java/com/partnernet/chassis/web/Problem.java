package com.partnernet.chassis.web;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 7807 problem detail, the body of every error response of every service. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: where (a JSON path into the body, or a parameter name) and what is wrong. */
    public record Violation(String field, String message) {
    }
}
