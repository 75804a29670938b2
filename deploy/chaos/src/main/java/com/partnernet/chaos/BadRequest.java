package com.partnernet.chaos;

import java.util.Map;
import java.util.TreeMap;

/** A request an operation must refuse with a 4xx problem document, and what is wrong with it. */
record BadRequest(Operation operation, String flaw, String path, Map<String, String> query, Map<String, String> headers,
        String body) {

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
