package com.partnernet.chassis.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import com.partnernet.chassis.error.InvalidRequestException;

/**
 * Query and path parameters that do not convert (an unknown enum constant, "abc" for a number, date or id) answer 400
 * naming the parameter and what it takes, instead of the bare 404 JAX-RS prescribes: the client made a mistake it can
 * fix, and "no such resource" would hide it.
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    private static final Map<Class<?>, Parsing> PARSERS = Map.ofEntries(
            Map.entry(UUID.class, new Parsing(UUID::fromString, "a UUID")),
            Map.entry(LocalDate.class, new Parsing(LocalDate::parse, "a date like 2026-05-01")),
            Map.entry(YearMonth.class, new Parsing(YearMonth::parse, "a month like 2026-05")),
            Map.entry(Integer.class, new Parsing(Integer::valueOf, "a whole number")),
            Map.entry(int.class, new Parsing(Integer::valueOf, "a whole number")),
            Map.entry(Long.class, new Parsing(Long::valueOf, "a whole number")),
            Map.entry(long.class, new Parsing(Long::valueOf, "a whole number")),
            Map.entry(Double.class, new Parsing(Double::valueOf, "a number")),
            Map.entry(double.class, new Parsing(Double::valueOf, "a number")));

    private record Parsing(Function<String, Object> parse, String expectation) {
    }

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = Arrays.stream(annotations)
                .map(annotation -> annotation instanceof QueryParam query ? query.value()
                        : annotation instanceof PathParam path ? path.value() : null)
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (name == null) {
            return null;
        }
        Parsing parsing;
        if (rawType.isEnum()) {
            Class<? extends Enum> enumType = (Class<? extends Enum>) rawType;
            parsing = new Parsing(value -> Enum.valueOf(enumType, value),
                    "one of " + Arrays.toString(rawType.getEnumConstants()));
        } else {
            parsing = PARSERS.get(rawType);
        }
        if (parsing == null) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return (T) parsing.parse().apply(value.strip());
                } catch (RuntimeException e) {
                    throw new WebApplicationException(
                            new InvalidRequestException(name, "must be " + parsing.expectation()), 400);
                }
            }

            @Override
            public String toString(T value) {
                return value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
            }
        };
    }
}
