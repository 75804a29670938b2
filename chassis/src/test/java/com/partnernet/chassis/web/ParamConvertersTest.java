package com.partnernet.chassis.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.error.InvalidRequestException;

/** Query and path parameters that do not convert answer 400 naming the parameter; without a server. */
class ParamConvertersTest {

    enum Status {
        OPEN,
        CLOSED
    }

    @SuppressWarnings("unused")
    private static void resource(@QueryParam("status") Status status, @QueryParam("from") LocalDate from,
            @PathParam("day") LocalDate day) {
    }

    private final ParamConverters converters = new ParamConverters();

    @Test
    void aGoodValueConvertsOnceTrimmed() {
        assertEquals(LocalDate.of(2026, 5, 1), converter(LocalDate.class, 1).fromString(" 2026-05-01 "));
        assertEquals(Status.OPEN, converter(Status.class, 0).fromString("OPEN"));
        assertNull(converter(Status.class, 0).fromString(null));
    }

    @Test
    void aBadValueNamesTheParameterAndWhatItTakes() {
        WebApplicationException error = assertThrows(WebApplicationException.class,
                () -> converter(Status.class, 0).fromString("open"));
        assertEquals(400, error.getResponse().getStatus());
        assertEquals(List.of(new Problem.Violation("status", "must be one of [OPEN, CLOSED]")),
                ((InvalidRequestException) error.getCause()).violations());
        InvalidRequestException date = (InvalidRequestException) assertThrows(WebApplicationException.class,
                () -> converter(LocalDate.class, 1).fromString("1 May")).getCause();
        assertEquals("must be a date like 2026-05-01", date.violations().get(0).message());
    }

    @Test
    void aMalformedPathParameterIsTheClientsMistakeNotAMissingResource() {
        InvalidRequestException day = (InvalidRequestException) assertThrows(WebApplicationException.class,
                () -> converter(LocalDate.class, 2).fromString("someday")).getCause();
        assertEquals(List.of(new Problem.Violation("day", "must be a date like 2026-05-01")), day.violations());
        assertNull(converters.getConverter(String.class, String.class, annotationsOf(2)), "text needs no converting");
    }

    private <T> ParamConverter<T> converter(Class<T> type, int parameter) {
        return converters.getConverter(type, type, annotationsOf(parameter));
    }

    private static Annotation[] annotationsOf(int parameter) {
        try {
            return ParamConvertersTest.class.getDeclaredMethod("resource", Status.class, LocalDate.class,
                    LocalDate.class).getParameterAnnotations()[parameter];
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
