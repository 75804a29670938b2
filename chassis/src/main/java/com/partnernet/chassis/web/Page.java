package com.partnernet.chassis.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to page on. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, PageParams params, long totalItems) {
        return new Page<>(items, params.page, params.size, totalItems, (int) ((totalItems + params.size - 1) / params.size));
    }

    /** Pages a list that was filtered or sorted in memory. */
    public static <T> Page<T> slice(List<T> all, PageParams params) {
        int from = (int) Math.min((long) params.page * params.size, all.size());
        int to = Math.min(from + params.size, all.size());
        return of(all.subList(from, to), params, all.size());
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, size, totalItems, totalPages);
    }
}
