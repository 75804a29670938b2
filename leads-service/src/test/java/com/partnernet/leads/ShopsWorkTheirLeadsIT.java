package com.partnernet.leads;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.leads.LeadsApi.LEAD_EVENTS;
import static com.partnernet.leads.LeadsApi.WAIT;
import static com.partnernet.leads.LeadsApi.campaign;
import static com.partnernet.leads.LeadsApi.lead;
import static com.partnernet.leads.LeadsApi.metric;
import static com.partnernet.leads.LeadsApi.publishShop;
import static com.partnernet.leads.LeadsApi.shop;
import static com.partnernet.leads.LeadsApi.submit;
import static com.partnernet.leads.LeadsApi.uniquePlace;
import static com.partnernet.leads.LeadsApi.uniquePostalCode;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.leads.businesstime.BusinessCalendar;
import com.partnernet.leads.businesstime.BusinessWeek;
import com.partnernet.leads.businesstime.PublicHolidays;
import com.partnernet.leads.notification.NotificationSender;
import com.partnernet.leads.notification.Notifications;
import com.partnernet.leads.sla.SlaCheck;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.capture.KafkaTestClient;
import com.partnernet.testkit.infrastructure.MailServer;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A shop's daily work with its leads: first contact due in its business hours, accept, decline. */
@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class ShopsWorkTheirLeadsIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final PublicHolidays HOLIDAYS = new PublicHolidays();
    /** Cologne: mornings only on weekdays, closed on North Rhine-Westphalia's holidays. */
    private static final List<Map<String, String>> MORNINGS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
            .stream().map(day -> Map.of("day", day, "opens", "08:00", "closes", "12:00")).toList();
    private static final BusinessCalendar COLOGNE = new BusinessCalendar(
            BusinessWeek.parse("MONDAY-FRIDAY 08:00-12:00"), HOLIDAYS.in("DE-NW"), BERLIN);
    /** Hamburg: the default week (no opening hours published), Hamburg's holidays. */
    private static final BusinessCalendar HAMBURG = new BusinessCalendar(
            BusinessWeek.parse("MONDAY-FRIDAY 10:00-19:00; SATURDAY 10:00-16:00"), HOLIDAYS.in("DE-HH"), BERLIN);

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    ObjectMapper mapper;

    @Inject
    SlaCheck slaCheck;

    @Inject
    Notifications notifications;

    @Inject
    NotificationSender sender;

    @Inject
    DataSource dataSource;

    @Test
    void firstContactIsDueInTheShopsBusinessHoursAndTheNextShopGetsItsOwnFullAllowance() throws Exception {
        String postalCode = uniquePostalCode();
        double[] here = uniquePlace();
        UUID cologne = publishShop(kafka, shop(UUID.randomUUID(), "Köln Vormittags", postalCode, here,
                Map.of("state", "DE-NW", "openingHours", MORNINGS, "email", "koeln@partner.example")));
        UUID hamburg = publishShop(kafka, shop(UUID.randomUUID(), "Hamburg Standard", postalCode, here, Map.of("state", "DE-HH")));
        String leadId = submit(lead(campaign(Map.of()), postalCode, Map.of("shopId", cologne.toString())));

        ValidatableResponse assigned = given().get("/leads/{id}", leadId).then().statusCode(200)
                .body("shopId", equalTo(cologne.toString()));
        Instant assignedAt = Instant.parse(assigned.extract().path("assignedAt"));
        Instant due = Instant.parse(assigned.extract().path("slaDueAt"));
        assertEquals(COLOGNE.plus(assignedAt, Duration.ofHours(8)), due, "eight of the shop's opening hours");

        long minutesLeft = ((Number) given().get("/shops/{id}/pipeline", cologne).then().statusCode(200)
                .body("items[0].id", equalTo(leadId)).body("items[0].slaDueAt", notNullValue())
                .extract().path("items[0].slaBusinessMinutesLeft")).longValue();
        long expectedLeft = COLOGNE.between(Instant.now(), due).toMinutes();
        assertTrue(Math.abs(minutesLeft - expectedLeft) <= 1, minutesLeft + " business minutes left, expected " + expectedLeft);
        JsonNode assignedEvent = payload(kafka.awaitCount(LEAD_EVENTS, r -> r.value().contains(leadId)
                && "LeadAssigned".equals(KafkaTestClient.header(r, "type")), 1, WAIT).get(0));
        assertEquals(due, Instant.parse(assignedEvent.get("slaDueAt").asText()));

        Instant breach = due.plus(Duration.ofMinutes(1));
        slaCheck.reassignOverdue(breach);
        Instant dueInHamburg = Instant.parse(given().get("/leads/{id}", leadId).then()
                .body("shopId", equalTo(hamburg.toString())).body("status", equalTo("NEW"))
                .extract().path("slaDueAt"));
        assertEquals(HAMBURG.plus(breach, Duration.ofHours(8)), dueInHamburg,
                "the next shop's own eight hours from the reassignment, in its own week");
    }

    @Test
    void anAcceptedLeadStaysWithTheShopAndItsFirstContactIsStillDue() throws Exception {
        String postalCode = uniquePostalCode();
        UUID shopId = publishShop(kafka, shop(UUID.randomUUID(), "Annahme", postalCode, uniquePlace(), Map.of()));
        String leadId = submit(lead(campaign(Map.of()), postalCode, Map.of()));

        move(leadId, Map.of("status", "ACCEPTED")).statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("acceptedAt", notNullValue()).body("slaDueAt", notNullValue()).body("firstContactAt", nullValue());
        decline(leadId, Map.of("reason", "NO_CAPACITY")).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("only a NEW lead can be declined"));
        given().get("/shops/{id}/pipeline", shopId).then().body("stages.ACCEPTED", equalTo(1))
                .body("items[0].slaBusinessMinutesLeft", notNullValue());
        move(leadId, Map.of("status", "CONTACTED")).statusCode(200).body("slaDueAt", nullValue())
                .body("firstContactAt", notNullValue());

        assertEquals(List.of("LeadAssigned", "LeadAccepted", "LeadStatusChanged"), types(kafka.awaitCount(LEAD_EVENTS,
                r -> r.value().contains(leadId) && !"LeadReceived".equals(KafkaTestClient.header(r, "type")), 3, WAIT)));
    }

    @Test
    void aDeclinedLeadGoesAtOnceToTheNextShopAndNeverBack() throws Exception {
        String postalCode = uniquePostalCode();
        double[] here = uniquePlace();
        UUID first = publishShop(kafka, shop(UUID.randomUUID(), "Erster", postalCode, here, Map.of()));
        UUID second = publishShop(kafka, shop(UUID.randomUUID(), "Zweiter", postalCode, here, Map.of()));
        String leadId = submit(lead(campaign(Map.of()), postalCode, Map.of("shopId", first.toString())));
        double declinedBefore = metric("partnernet_leads_declined_total{assignee=\"" + first + "\",reason=\"NOT_OUR_AREA\"}");

        decline(leadId, Map.of("reason", "OTHER")).statusCode(400).body("violations[0].field", equalTo("note"));
        decline(leadId, Map.of("reason", "NOT_OUR_AREA")).statusCode(204);
        given().get("/leads/{id}", leadId).then().body("status", equalTo("NEW")).body("shopId", equalTo(second.toString()))
                .body("reassignments", equalTo(0)).body("slaDueAt", notNullValue());
        given().get("/leads/{id}/routing", leadId).then()
                .body("decisions.cause", contains("INTAKE", "DECLINE"))
                .body("decisions[1].shopId", equalTo(second.toString()))
                .body("decisions[1].trail.reason", hasItem("declined this lead before (NOT_OUR_AREA)"));
        assertEquals(declinedBefore + 1,
                metric("partnernet_leads_declined_total{assignee=\"" + first + "\",reason=\"NOT_OUR_AREA\"}"));

        // The second shop declines too: nobody else may take it, so it waits in the ops queue.
        decline(leadId, Map.of("reason", "OTHER", "note", "Kundin wohnt außerhalb")).statusCode(204);
        given().get("/leads/{id}", leadId).then().body("status", equalTo("UNROUTED")).body("shopId", nullValue());

        List<ConsumerRecord<String, String>> declines = kafka.awaitCount(LEAD_EVENTS, r -> r.value().contains(leadId)
                && "LeadDeclined".equals(KafkaTestClient.header(r, "type")), 2, WAIT);
        // Keyed by the pipeline the lead is in now: the second shop's, then (unrouted) the lead's own.
        ConsumerRecord<String, String> firstRecord = declines.stream().filter(r -> second.toString().equals(r.key()))
                .findFirst().orElseThrow();
        JsonNode firstDecline = payload(firstRecord);
        assertEquals(first.toString(), firstDecline.get("previousShopId").asText());
        assertEquals(second.toString(), firstDecline.get("shopId").asText());
        assertEquals("NOT_OUR_AREA", firstDecline.get("declineReason").asText());
        assertTrue(declines.stream().noneMatch(r -> r.value().contains("außerhalb")), "a decline's note stays out of events");
    }

    @Test
    void aLeadDeclinedAsSpamIsClosedForOpsToReview() throws Exception {
        String postalCode = uniquePostalCode();
        double[] here = uniquePlace();
        UUID shopId = publishShop(kafka, shop(UUID.randomUUID(), "Spamfilter", postalCode, here, Map.of()));
        publishShop(kafka, shop(UUID.randomUUID(), "Nebenan", postalCode, here, Map.of()));
        String leadId = submit(lead(campaign(Map.of()), postalCode, Map.of("shopId", shopId.toString())));

        decline(leadId, Map.of("reason", "SPAM_OR_FAKE")).statusCode(204);
        given().get("/leads/{id}", leadId).then().body("status", equalTo("REJECTED_AS_SPAM"))
                .body("shopId", equalTo(shopId.toString())).body("closedAt", notNullValue()).body("slaDueAt", nullValue());
        given().get("/leads?status=REJECTED_AS_SPAM&shopId={s}", shopId).then().body("items.id", contains(leadId));
        given().get("/leads/{id}/routing", leadId).then().body("decisions.cause", contains("INTAKE", "DECLINE"))
                .body("decisions[1].outcome", equalTo("CLOSED"));
        decline(leadId, Map.of("reason", "SPAM_OR_FAKE")).statusCode(409);
        JsonNode event = payload(kafka.awaitCount(LEAD_EVENTS, r -> r.value().contains(leadId)
                && "LeadDeclined".equals(KafkaTestClient.header(r, "type")), 1, WAIT).get(0));
        assertEquals("REJECTED_AS_SPAM", event.get("status").asText());
        assertEquals("SPAM_OR_FAKE", event.get("declineReason").asText());
    }

    @Test
    void theShopsAndThePartnersStreamsShowALeadArriveAndLeaveLive() throws Exception {
        String postalCode = uniquePostalCode();
        double[] here = uniquePlace();
        UUID partnerId = UUID.randomUUID();
        UUID first = publishShop(kafka, shop(UUID.randomUUID(), "Live", postalCode, here, Map.of("partnerId", partnerId.toString())));
        UUID second = publishShop(kafka, shop(UUID.randomUUID(), "Daneben", postalCode, here, Map.of()));
        try (EventStream shopStream = EventStream.open("/shops/" + first + "/pipeline/stream");
                EventStream partnerStream = EventStream.open("/partners/" + partnerId + "/pipeline/stream");
                EventStream otherShopStream = EventStream.open("/shops/" + second + "/pipeline/stream")) {
            String leadId = submit(lead(campaign(Map.of()), postalCode, Map.of("shopId", first.toString())));

            EventStream.Event arrived = shopStream.next("LeadAssigned", leadId);
            JsonNode change = mapper.readTree(arrived.data());
            assertEquals(first.toString(), change.get("shopId").asText());
            assertEquals("NEW", change.get("status").asText());
            assertTrue(change.hasNonNull("slaDueAt"));
            assertTrue(!arrived.data().contains("Mustermann") && !arrived.data().contains("@example.org"),
                    "no customer data on the stream: " + arrived.data());
            partnerStream.next("LeadAssigned", leadId);

            decline(leadId, Map.of("reason", "NO_CAPACITY")).statusCode(204);
            JsonNode left = mapper.readTree(shopStream.next("LeadDeclined", leadId).data());
            assertEquals(first.toString(), left.get("previousShopId").asText(), "the decliner sees the lead leave");
            assertEquals(partnerId.toString(), mapper.readTree(partnerStream.next("LeadDeclined", leadId).data())
                    .get("previousPartnerId").asText());
            assertEquals(second.toString(), mapper.readTree(otherShopStream.next("LeadDeclined", leadId).data())
                    .get("shopId").asText(), "the next shop sees it arrive");
        }
    }

    @Test
    void aShopIsMailedOnceForEachCauseAssignmentReminderAndBreachAndTheNextShopToo() throws Exception {
        String postalCode = uniquePostalCode();
        double[] here = uniquePlace();
        String firstMailbox = "erster-" + UUID.randomUUID() + "@partner.example";
        String secondMailbox = "zweiter-" + UUID.randomUUID() + "@partner.example";
        UUID first = publishShop(kafka, shop(UUID.randomUUID(), "Erster Shop", postalCode, here, Map.of("email", firstMailbox)));
        publishShop(kafka, shop(UUID.randomUUID(), "Zweiter Shop", postalCode, here, Map.of("email", secondMailbox)));
        String leadId = submit(lead(campaign(Map.of()), postalCode, Map.of("shopId", first.toString())));

        await().atMost(WAIT).until(() -> InfrastructureTestResource.mailsTo(firstMailbox).size() == 1);
        MailServer.Mail assigned = InfrastructureTestResource.mailsTo(firstMailbox).get(0);
        assertTrue(assigned.subject().startsWith("Neuer Lead: TV (Privatkunde) in " + postalCode + " – Erstkontakt bis "),
                assigned.subject());
        assertTrue(assigned.text().contains("?shop=" + first), "links to the shop's inbox");
        assertTrue(!assigned.text().contains("Mustermann") && !assigned.text().contains("@example.org"),
                "no customer data in a mail");

        Instant due = Instant.parse(given().get("/leads/{id}", leadId).then().extract().path("slaDueAt"));
        Instant twoHoursBefore = HAMBURG.plus(Instant.parse(given().get("/leads/{id}", leadId).then()
                .extract().path("assignedAt")), Duration.ofHours(6));
        // The check runs every minute (and on every instance): the reminder is written once, when 2 business hours are left.
        notifications.remindDueFirstContacts(twoHoursBefore.minusSeconds(60));
        sender.sendWaiting(twoHoursBefore.minusSeconds(60));
        assertEquals(1, InfrastructureTestResource.mailsTo(firstMailbox).size(), "no reminder yet");
        notifications.remindDueFirstContacts(twoHoursBefore);
        notifications.remindDueFirstContacts(twoHoursBefore.plusSeconds(60));
        sender.sendWaiting(twoHoursBefore.plusSeconds(60));
        slaCheck.reassignOverdue(due.plusSeconds(60));
        sender.sendWaiting(due.plusSeconds(60));
        sender.sendWaiting(due.plusSeconds(120));

        List<MailServer.Mail> firstMails = InfrastructureTestResource.mailsTo(firstMailbox);
        assertEquals(3, firstMails.size(), () -> firstMails.stream().map(MailServer.Mail::subject).toList()
                + ", the lead's mails: " + mailStates(leadId));
        assertTrue(firstMails.get(1).subject().startsWith("Erinnerung: Erstkontakt bis "));
        assertTrue(firstMails.get(2).subject().startsWith("Lead weitergegeben: Erstkontakt versäumt"));
        assertEquals(3, firstMails.stream().map(MailServer.Mail::messageId).distinct().count());
        await().atMost(WAIT).until(() -> InfrastructureTestResource.mailsTo(secondMailbox).size() == 1);
        assertTrue(InfrastructureTestResource.mailsTo(secondMailbox).get(0).subject().startsWith("Lead übernommen: "));
        assertTrue(metric("partnernet_leads_notifications_total{cause=\"BREACHED\",outcome=\"sent\"}") >= 1);
    }

    @Test
    void aMailTheServerRefusesIsRetriedLaterThenGivenUpAndCounted() throws Exception {
        String postalCode = uniquePostalCode();
        // An address no mail server takes (the directory holds what the shop event said).
        UUID shopId = publishShop(kafka, shop(UUID.randomUUID(), "Kaputte Adresse", postalCode, uniquePlace(),
                Map.of("email", "kein postfach")));
        double failedBefore = metric("partnernet_leads_notifications_total{cause=\"ASSIGNED\",outcome=\"failed\"}");
        double givenUpBefore = metric("partnernet_leads_notifications_total{cause=\"ASSIGNED\",outcome=\"given_up\"}");
        String leadId = submit(lead(campaign(Map.of()), postalCode, Map.of("shopId", shopId.toString())));

        await().atMost(WAIT).until(() -> metric("partnernet_leads_notifications_total{cause=\"ASSIGNED\",outcome=\"failed\"}")
                > failedBefore);
        // Retried with a growing delay (30 s, 1, 2, 4 … min, at most 30): each later round tries again, the twelfth gives up.
        Instant later = Instant.now();
        for (int attempt = 2; attempt <= 12; attempt++) {
            later = later.plus(Duration.ofMinutes(31));
            sender.sendWaiting(later);
        }
        assertEquals(givenUpBefore + 1,
                metric("partnernet_leads_notifications_total{cause=\"ASSIGNED\",outcome=\"given_up\"}"));
        assertEquals(0, sender.sendWaiting(later.plus(Duration.ofDays(1))), "nothing left to try for " + leadId);
    }

    /** What became of each of the lead's mails, for a failure's message. */
    private String mailStates(String leadId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select cause, created_at, next_attempt_at, attempts, sent_at, dropped_at, given_up_at, last_error
                        from lead_notification where lead_id = ? order by created_at""")) {
            query.setObject(1, UUID.fromString(leadId));
            List<String> states = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    StringBuilder state = new StringBuilder();
                    for (int column = 1; column <= 8; column++) {
                        state.append(column > 1 ? " " : "").append(rows.getString(column));
                    }
                    states.add(state.toString());
                }
            }
            return states.toString();
        } catch (SQLException e) {
            return "not read: " + e;
        }
    }

    private static ValidatableResponse move(String leadId, Map<String, Object> change) {
        return given().contentType(ContentType.JSON).body(change).put("/leads/{id}/status", leadId).then();
    }

    private static ValidatableResponse decline(String leadId, Map<String, Object> decline) {
        return given().contentType(ContentType.JSON).body(decline).post("/leads/{id}/decline", leadId).then();
    }

    private JsonNode payload(ConsumerRecord<String, String> record) throws Exception {
        return mapper.readTree(record.value()).get("payload");
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> KafkaTestClient.header(r, "type")).toList();
    }
}
