package com.partnernet.chassis.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How a body that does not bind is described to the client: where, and what was expected; without a server. */
class ProblemMappersTest {

    enum Line {
        MOBILE,
        TV
    }

    record Contact(String email, int age) {
    }

    record Row(Line line, List<Contact> contacts) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void anUnknownEnumValueNamesItsFieldAndTheAllowedValues() {
        JsonMappingException e = bindingError("{\"line\":\"RADIO\"}");
        assertEquals("line", ProblemMappers.jsonPath(e.getPath()));
        assertEquals("must be one of [MOBILE, TV]", ProblemMappers.expectation(e));
    }

    @Test
    void aWrongTypeDeepInAListNamesThePathAsTheClientWroteIt() {
        JsonMappingException e = bindingError("{\"contacts\":[{\"age\":1},{\"age\":\"old\"}]}");
        assertEquals("contacts[1].age", ProblemMappers.jsonPath(e.getPath()));
        assertEquals("must be a whole number", ProblemMappers.expectation(e));
    }

    private JsonMappingException bindingError(String json) {
        return assertThrows(JsonMappingException.class, () -> mapper.readValue(json, Row.class));
    }
}
