package com.partnernet.chassis.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

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

    /** A resource method whose Java parameter names differ from the request's. */
    static class Resource {

        public void weekly(@QueryParam("shopId") @NotEmpty Set<UUID> shopIds, @PathParam("year") @Min(2000) int calendarYear,
                @NotNull Contact contact) {
        }
    }

    @Test
    void aParameterIsNamedAsTheRequestCarriesItNotAsTheJavaMethodCallsIt() throws NoSuchMethodException {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        Method weekly = Resource.class.getMethod("weekly", Set.class, int.class, Contact.class);
        List<String> fields = validator.forExecutables()
                .validateParameters(new Resource(), weekly, new Object[] { Set.of(), 1999, null }).stream()
                .map(ProblemMappers::fieldOf).sorted().toList();
        assertEquals(List.of("contact", "shopId", "year"), fields);
    }

    private JsonMappingException bindingError(String json) {
        return assertThrows(JsonMappingException.class, () -> mapper.readValue(json, Row.class));
    }
}
