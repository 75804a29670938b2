package com.partnernet.chassis.web;

import java.util.Map;

import com.partnernet.chassis.error.InvalidRequestException;

import io.quarkus.panache.common.Sort;

/** Turns a client's {@code sort} parameter into a Panache sort over an allow-list of keys. */
public final class Sorting {

    private Sorting() {
    }

    /**
     * @param allowed client key → entity property
     * @param tieBreaker property appended last so pages are stable
     * @throws InvalidRequestException for a key not in {@code allowed}
     */
    public static Sort parse(String sort, Map<String, String> allowed, String defaultKey, String tieBreaker) {
        String requested = sort == null || sort.isBlank() ? defaultKey : sort;
        Sort result = null;
        for (String part : requested.split(",")) {
            String key = part.trim();
            boolean descending = key.startsWith("-");
            String name = descending ? key.substring(1) : key;
            String property = allowed.get(name);
            if (property == null) {
                throw new InvalidRequestException("sort", "unknown sort key '" + name + "'; allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed.keySet())));
            }
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            result = result == null ? Sort.by(property, direction) : result.and(property, direction);
        }
        return result.and(tieBreaker);
    }
}
