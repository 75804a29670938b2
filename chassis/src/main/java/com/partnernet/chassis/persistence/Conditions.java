package com.partnernet.chassis.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** The where-clause of a list with optional filters: each filter the client set adds its condition, joined by AND. */
public final class Conditions {

    private final List<String> clauses = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** Adds {@code clause} with its named parameter, unless the value is absent (null or blank text). */
    public Conditions where(String clause, String parameter, Object value) {
        if (value == null || value instanceof CharSequence text && text.toString().isBlank()) {
            return this;
        }
        clauses.add(clause);
        parameters.and(parameter, value);
        return this;
    }

    /** Adds {@code clause} with all of its parameters. */
    public Conditions where(String clause, Map<String, Object> clauseParameters) {
        clauses.add(clause);
        clauseParameters.forEach(parameters::and);
        return this;
    }

    /** A text filter as compared with a {@code lower(…)} column: trimmed and lower-cased; null stays null. */
    public static String lowerCase(String text) {
        return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    /** A "contains, any case" filter as a {@code like} pattern for a {@code lower(…)} column; null when not set. */
    public static String containing(String text) {
        String lower = lowerCase(text);
        return lower == null || lower.isEmpty() ? null : "%" + lower + "%";
    }

    public <E, I> PanacheQuery<E> find(PanacheRepositoryBase<E, I> repository, Sort sort) {
        return clauses.isEmpty() ? repository.findAll(sort)
                : repository.find(String.join(" and ", clauses), sort, parameters);
    }
}
