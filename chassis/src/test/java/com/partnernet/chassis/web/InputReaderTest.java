package com.partnernet.chassis.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Everything wrong with an input at once, in the contract's words: types, constraints, cross-field checks. */
class InputReaderTest {

    enum Line {
        MOBILE,
        TV
    }

    record Contact(@NotBlank String name, @Email String email, String phone) {

        @JsonIgnore
        @AssertTrue(message = "needs an e-mail address or a phone number")
        public boolean isReachable() {
            return email != null || phone != null;
        }
    }

    record Order(@NotNull Line line, @NotNull UUID shopId, int units, @NotNull LocalDate from, @NotNull LocalDate to,
            @NotNull @Valid Contact contact, @Valid List<Contact> others) {

        @JsonIgnore
        @AssertTrue(message = "to must not be before from")
        @ReportedOn("to")
        public boolean isRangeValid() {
            return from == null || to == null || !to.isBefore(from);
        }
    }

    private final InputReader reader = new InputReader(new ObjectMapper().registerModule(new JavaTimeModule()),
            Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                    .buildValidatorFactory().getValidator());

    @Test
    void everyValueOfTheWrongTypeAndEveryViolationIsReportedTogether() throws Exception {
        InputReader.Reading<Order> reading = read("""
                {"line": "RADIO", "shopId": "not-a-uuid", "units": "many", "from": "2026-05-01", "to": "2026-04-01",
                 "contact": {"name": "", "email": "not-an-address"}, "others": [{"name": "Ok", "phone": "1"}, "oops"]}""");
        assertFalse(reading.valid());
        assertEquals(List.of(
                violation("contact.email", "must be a well-formed email address"),
                violation("contact.name", "must not be blank"),
                violation("line", "must be one of [MOBILE, TV]"),
                violation("others[1]", "must be an object"),
                violation("shopId", "must be a UUID"),
                violation("to", "to must not be before from"),
                violation("units", "must be a whole number")), reading.violations());
    }

    @Test
    void aCrossFieldCheckWithoutAFieldNamesTheObjectItIsOn() throws Exception {
        InputReader.Reading<Order> reading = read("""
                {"line": "TV", "shopId": "%s", "units": 1, "from": "2026-04-01", "to": "2026-04-01",
                 "contact": {"name": "Erika"}}""".formatted(UUID.randomUUID()));
        assertEquals(List.of(violation("contact", "needs an e-mail address or a phone number")), reading.violations());
    }

    @Test
    void aMissingValueIsMissingAndAWrongDateSaysWhatADateLooksLike() throws Exception {
        InputReader.Reading<Order> reading = read("""
                {"line": "TV", "units": 1, "from": "01.04.2026", "to": "2026-04-01", "contact": "Erika"}""");
        assertEquals(List.of(violation("contact", "must be an object"), violation("from", "must be a date like 2026-03-31"),
                violation("shopId", "must not be null")), reading.violations());
    }

    @Test
    void somethingElseThanAnObjectIsNamedAsAWhole() throws Exception {
        InputReader.Reading<Order> reading = read("[1, 2]");
        assertNull(reading.value());
        assertEquals(List.of(violation("", "must be an order object")), reading.violations());
    }

    private InputReader.Reading<Order> read(String json) throws Exception {
        return reader.read(new ObjectMapper().readTree(json), Order.class, "must be an order object");
    }

    private static Problem.Violation violation(String field, String message) {
        return new Problem.Violation(field, message);
    }
}
