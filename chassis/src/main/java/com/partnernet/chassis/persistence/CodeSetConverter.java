package com.partnernet.chassis.persistence;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A small set of codes (product lines, segments, postal prefixes) as one comma-separated column. */
@Converter
public class CodeSetConverter implements AttributeConverter<Set<String>, String> {

    @Override
    public String convertToDatabaseColumn(Set<String> values) {
        return values == null ? "" : String.join(",", new TreeSet<>(values));
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        Set<String> values = new TreeSet<>();
        if (column != null && !column.isBlank()) {
            values.addAll(Arrays.asList(column.split(",")));
        }
        return values;
    }
}
