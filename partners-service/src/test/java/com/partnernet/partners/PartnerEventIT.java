package com.partnernet.partners;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.partners.PartnerApi.registerPartner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.time.Timestamps;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class PartnerEventIT {

    private static final LocalDate SUMMIT_DAY = Timestamps.today().plusDays(30);

    @Test
    void overCapacityGoesToTheWaitlistInOrderAndACancellationPromotesTheNext() {
        String summit = announce(summit(Map.of("capacity", 5, "maxAttendeesPerPartner", 4)));
        String first = registerPartner("Summit Partner One");
        String second = registerPartner("Summit Partner Two");
        String third = registerPartner("Summit Partner Three");

        String firstRegistration = register(summit, first, 3).then().statusCode(201)
                .body("status", equalTo("CONFIRMED")).body("waitlistPosition", nullValue()).extract().path("id");
        register(summit, second, 3).then().statusCode(201).body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        // One seat is free, but nobody overtakes a waiting partner.
        register(summit, third, 1).then().statusCode(201).body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(2));
        given().get("/partner-events/{id}", summit).then().statusCode(200)
                .body("seatsConfirmed", equalTo(3)).body("seatsFree", equalTo(2)).body("waitlisted", equalTo(2))
                .body("registrationOpen", equalTo(true));

        given().post("/partner-events/{e}/registrations/{r}/cancellation", summit, firstRegistration)
                .then().statusCode(200)
                .body("cancelled.status", equalTo("CANCELLED"))
                .body("promoted.partnerId", contains(second, third))
                .body("promoted.status", contains("CONFIRMED", "CONFIRMED"));
        given().get("/partner-events/{id}", summit).then()
                .body("seatsConfirmed", equalTo(4)).body("seatsFree", equalTo(1)).body("waitlisted", equalTo(0));

        // After cancelling, the partner may register again: at the end of the queue.
        register(summit, first, 3).then().statusCode(201).body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(summit(Map.of("capacity", 8, "maxAttendeesPerPartner", 4)))
                .put("/partner-events/{id}", summit)
                .then().statusCode(200).body("seatsConfirmed", equalTo(7)).body("waitlisted", equalTo(0));
        given().get("/partner-events/{id}/registrations?status=CONFIRMED", summit).then().statusCode(200)
                .body("items.partnerId", contains(second, third, first));
        given().get("/partner-events/{id}/registrations", summit).then()
                .body("items.status", contains("CANCELLED", "CONFIRMED", "CONFIRMED", "CONFIRMED"));
    }

    @Test
    void simultaneousRegistrationsNeverOverbookTheEvent() throws Exception {
        String summit = announce(summit(Map.of("capacity", 5)));
        List<String> partners = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            partners.add(registerPartner("Rush Partner " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String partner : partners) {
                answers.add(pool.submit(() -> register(summit, partner, 1).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        given().get("/partner-events/{id}", summit).then()
                .body("seatsConfirmed", equalTo(5)).body("seatsFree", equalTo(0)).body("waitlisted", equalTo(7));
        given().get("/partner-events/{id}/registrations?status=WAITLISTED", summit).then()
                .body("items.waitlistPosition", contains(1, 2, 3, 4, 5, 6, 7));
    }

    @Test
    void aPartnerRegistersOnceBeforeTheDeadlineAndCancellationsStillPromoteAfterIt() {
        String summit = announce(summit(Map.of("capacity", 2)));
        String partner = registerPartner("Once Only Partner");
        String waiting = registerPartner("Waiting Partner");
        String registration = register(summit, partner, 2).then().statusCode(201).extract().path("id");
        register(summit, partner, 1).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("registered for this event already"));
        register(summit, waiting, 1).then().statusCode(201).body("status", equalTo("WAITLISTED"));

        Map<String, Object> closed = summit(Map.of("capacity", 2, "registrationClosesAt", Instant.now().minusSeconds(60).toString()));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(closed).put("/partner-events/{id}", summit)
                .then().statusCode(200).body("registrationOpen", equalTo(false));
        register(summit, registerPartner("Too Late Partner"), 1).then().statusCode(409).body("detail", containsString("closed"));
        given().post("/partner-events/{e}/registrations/{r}/cancellation", summit, registration)
                .then().statusCode(200).body("promoted.partnerId", contains(waiting));
        given().post("/partner-events/{e}/registrations/{r}/cancellation", summit, registration)
                .then().statusCode(409).body("detail", containsString("cancelled"));
    }

    @Test
    void invalidRegistrationsAndEventsAreRejectedWithClearProblems() {
        String summit = announce(summit(Map.of("capacity", 10, "maxAttendeesPerPartner", 2)));
        String partner = registerPartner("Checked Partner");

        register(summit, partner, 3).then().statusCode(400).body("violations[0].field", equalTo("attendees"))
                .body("violations[0].message", containsString("at most 2"));
        register(summit, UUID.randomUUID().toString(), 1).then().statusCode(400).body("violations[0].field", equalTo("partnerId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("partnerId", partner, "attendees", List.of(Map.of("name", "", "email", "nope"))))
                .post("/partner-events/{id}/registrations", summit)
                .then().statusCode(400).body("violations.field", hasItems("attendees[0].name", "attendees[0].email"));
        given().contentType(ContentType.JSON).body(Map.of("partnerId", partner, "attendees", List.of()))
                .post("/partner-events/{id}/registrations", summit)
                .then().statusCode(400).body("violations[0].field", equalTo("attendees"));
        register(UUID.randomUUID().toString(), partner, 1).then().statusCode(404);

        String suspended = registerPartner(Map.of("name", "Suspended Partner", "type", "RETAIL_PARTNER", "status", "SUSPENDED"));
        register(summit, suspended, 1).then().statusCode(409).body("detail", containsString("SUSPENDED"));

        String other = announce(summit(Map.of("name", "Regional Meeting")));
        String registration = register(summit, partner, 2).then().statusCode(201).extract().path("id");
        given().post("/partner-events/{e}/registrations/{r}/cancellation", other, registration).then().statusCode(404);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(summit(Map.of("capacity", 1)))
                .put("/partner-events/{id}", summit)
                .then().statusCode(409).body("detail", containsString("2 confirmed seats"));
        given().contentType(ContentType.JSON).body(summit(Map.of("capacity", 20))).put("/partner-events/{id}", summit)
                .then().statusCode(428);

        given().contentType(ContentType.JSON)
                .body(summit(Map.of("registrationClosesAt", SUMMIT_DAY.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC).toString(),
                        "capacity", -1, "venue", "")))
                .post("/partner-events")
                .then().statusCode(400).body("violations.field", hasItems("registrationClosesAt", "capacity", "venue"));
        given().get("/partner-events/{id}", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/partner-events?from=yesterday").then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().get("/partner-events?city=KÖLN&from={d}", SUMMIT_DAY.toString()).then().statusCode(200)
                .body("items.name", hasItems("Partner Summit"));
    }

    private static Map<String, Object> summit(Map<String, Object> overrides) {
        Map<String, Object> summit = new HashMap<>(Map.of("name", "Partner Summit", "date", SUMMIT_DAY.toString(),
                "venue", "Motorworld Köln", "city", "Köln", "capacity", 300,
                "registrationClosesAt", SUMMIT_DAY.minusDays(7).atStartOfDay().toInstant(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS).toString()));
        summit.putAll(overrides);
        return summit;
    }

    private static String announce(Map<String, Object> event) {
        return given().contentType(ContentType.JSON).body(event).post("/partner-events")
                .then().statusCode(201).header("ETag", equalTo("\"0\"")).extract().path("id");
    }

    private static Response register(String eventId, String partnerId, int attendees) {
        List<Map<String, String>> people = new ArrayList<>();
        for (int i = 1; i <= attendees; i++) {
            people.add(Map.of("name", "Attendee " + i, "email", "attendee" + i + "@partner.example", "role", "Shop manager"));
        }
        return given().contentType(ContentType.JSON).body(Map.of("partnerId", partnerId, "attendees", people))
                .post("/partner-events/{id}/registrations", eventId);
    }
}
