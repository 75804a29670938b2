package com.partnernet.chassis.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import com.partnernet.chassis.error.InvalidRequestException;

/**
 * Query parameters that do not convert (an unknown enum constant, "abc" for a number or date) answer 400 naming the
 * parameter and what it takes, instead of the bare 404 JAX-RS prescribes. Path parameters keep that 404: a malformed
 * id names no resource.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

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
        QueryParam query = Arrays.stream(annotations).filter(QueryParam.class::isInstance).map(QueryParam.class::cast)
                .findFirst().orElse(null);
        if (query == null) {
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
                            new InvalidRequestException(query.value(), "must be " + parsing.expectation()), 400);
                }
            }

            @Override
            public String toString(T value) {
                return value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
            }
        };
    }
}
