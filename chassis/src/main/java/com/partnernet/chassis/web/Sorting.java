package com.partnernet.chassis.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.partnernet.chassis.error.InvalidRequestException;

import io.quarkus.panache.common.Sort;

/** Turns a client's {@code sort} parameter into a Panache sort, or an order of a list, over an allow-list of keys. */
public final class Sorting {

    private Sorting() {
    }

    /**
     * @param allowed client key → entity property
     * @param tieBreaker property appended last so pages are stable
     * @throws InvalidRequestException for a key not in {@code allowed}
     */
    public static Sort parse(String sort, Map<String, String> allowed, String defaultKey, String tieBreaker) {
        Sort result = null;
        for (Key key : keys(sort, allowed.keySet(), defaultKey)) {
            Sort.Direction direction = key.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
            String property = allowed.get(key.name());
            result = result == null ? Sort.by(property, direction) : result.and(property, direction);
        }
        return result.and(tieBreaker);
    }

    /**
     * The same {@code sort} parameter over a list held in memory (a bounded one: a year's rules, an event's
     * registrations); {@code allowed}'s orders should end in a unique key so pages are stable.
     *
     * @throws InvalidRequestException for a key not in {@code allowed}
     */
    public static <T> List<T> sorted(List<T> items, String sort, Map<String, Comparator<T>> allowed,
            String defaultKey) {
        Comparator<T> order = null;
        for (Key key : keys(sort, allowed.keySet(), defaultKey)) {
            Comparator<T> next = key.descending() ? allowed.get(key.name()).reversed() : allowed.get(key.name());
            order = order == null ? next : order.thenComparing(next);
        }
        return items.stream().sorted(order).toList();
    }

    private record Key(String name, boolean descending) {
    }

    private static List<Key> keys(String sort, Set<String> allowed, String defaultKey) {
        String requested = sort == null || sort.isBlank() ? defaultKey : sort;
        List<Key> keys = new ArrayList<>();
        for (String part : requested.split(",")) {
            String key = part.trim();
            boolean descending = key.startsWith("-");
            String name = descending ? key.substring(1) : key;
            if (!allowed.contains(name)) {
                throw new InvalidRequestException("sort", "unknown sort key '" + name + "'; allowed: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
            keys.add(new Key(name, descending));
        }
        return keys;
    }
}
