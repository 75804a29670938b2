package com.partnernet.chaos;

import java.util.Map;
import java.util.TreeMap;

/**
 * A request an operation must refuse with a 4xx problem document, and what is wrong with it; {@code status} is the
 * one status the flaw must get where the contract says which (415 for a media type, 428 for a missing If-Match …),
 * else 0: any 4xx the document lists for the operation.
 */
record BadRequest(Operation operation, String flaw, String path, Map<String, String> query, Map<String, String> headers,
        String body, int status) {

    private Map<String, String> shownHeaders() {
        Map<String, String> shown = new TreeMap<>(headers);
        shown.computeIfPresent("Authorization", (name, value) -> value.length() > 60 ? "Bearer <valid token>" : value);
        return shown;
    }

    /** What a failing run reports (shrunk to the simplest failing request). */
    @Override
    public String toString() {
        String shownBody = body == null ? "" : " body " + (body.length() > 300 ? body.substring(0, 300) + "… ("
                + body.length() + " chars)" : body);
        return operation.label() + " [" + flaw + "]: " + operation.method() + " " + path
                + (query.isEmpty() ? "" : " query " + query) + " headers " + shownHeaders() + shownBody;
    }
}
