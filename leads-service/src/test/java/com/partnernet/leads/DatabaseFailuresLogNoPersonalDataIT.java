package com.partnernet.leads;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.leads.LeadsApi.campaign;
import static com.partnernet.leads.LeadsApi.lead;
import static com.partnernet.leads.LeadsApi.publishShop;
import static com.partnernet.leads.LeadsApi.shop;
import static com.partnernet.leads.LeadsApi.submit;
import static com.partnernet.leads.LeadsApi.uniquePlace;
import static com.partnernet.leads.LeadsApi.uniquePostalCode;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.partnernet.leads.lead.Lead;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;
import com.partnernet.testkit.capture.KafkaTestClient;
import com.partnernet.testkit.capture.LogCapture;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * When the database refuses a write, Hibernate, the transaction manager and the error mapper log the failure: none of
 * those lines may carry the customer's data (the driver's messages would quote the statement's parameters and the
 * unique key's values). Each failure is provoked for real: a unique key taken meanwhile, a value too long for its
 * column, a statement cancelled (as by a timeout) and the database connection lost in the middle of an insert.
 */
@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class DatabaseFailuresLogNoPersonalDataIT {

    private static final String NAME = "Zacharias Zeugenschutz";
    private static final String EMAIL = "zacharias.zeugenschutz@example.org";
    private static final String PHONE = "+49 30 9988776";
    private static final String[] PERSONAL = { "Zeugenschutz", "9988776" };

    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    EntityManager entityManager;

    String campaign;
    String postalCode;

    @BeforeEach
    void shopAndCampaign() {
        postalCode = uniquePostalCode();
        publishShop(kafka, shop(UUID.randomUUID(), "Failure Shop", postalCode, uniquePlace(), Map.of()));
        campaign = campaign(Map.of());
    }

    @Test
    void aUniqueKeyTakenMeanwhileAnswers409AndLogsNoPersonalData() throws Exception {
        String template = submit(lead(campaign, postalCode, Map.of()));
        Map<String, Object> lead = personalLead();
        try (LogCapture log = LogCapture.start()) {
            int status = whileLeadTableLocked(lead, (db, pid) -> {
                // Another writer stores the same source and external id first (the insert waits for our lock).
                try (PreparedStatement copy = db.prepareStatement("insert into lead select * from jsonb_populate_record("
                        + "null::lead, (select to_jsonb(l) || jsonb_build_object('id', gen_random_uuid(), 'source', ?, "
                        + "'external_id', ?) from lead l where id = ?))")) {
                    copy.setString(1, (String) lead.get("source"));
                    copy.setString(2, (String) lead.get("externalId"));
                    copy.setObject(3, UUID.fromString(template));
                    copy.executeUpdate();
                }
                db.commit();
            });
            assertEquals(409, status);
            assertNoPersonalData(log, "unique violation");
        }
    }

    @Test
    void aValueTooLongForItsColumnLogsNoPersonalData() {
        String leadId = submit(personalLead());
        try (LogCapture log = LogCapture.start()) {
            assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                Lead lead = entityManager.find(Lead.class, UUID.fromString(leadId));
                lead.contactName = (NAME + " ").repeat(20);
            }));
            assertNoPersonalData(log, "value too long");
        }
    }

    @Test
    void aCancelledStatementLogsNoPersonalData() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            int status = whileLeadTableLocked(personalLead(), (db, pid) -> query(db, "select pg_cancel_backend(?)", pid));
            assertEquals(500, status);
            assertNoPersonalData(log, "statement cancelled");
        }
    }

    @Test
    void aConnectionLostMidInsertLogsNoPersonalData() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            int status = whileLeadTableLocked(personalLead(), (db, pid) -> query(db, "select pg_terminate_backend(?)", pid));
            assertEquals(500, status);
            assertNoPersonalData(log, "connection lost");
        }
    }

    private Map<String, Object> personalLead() {
        return lead(campaign, postalCode, Map.of("contact", Map.of("name", NAME, "email", EMAIL, "phone", PHONE),
                "message", "Bitte nach 18 Uhr anrufen, " + NAME));
    }

    private static void assertNoPersonalData(LogCapture log, String failure) {
        assertFalse(log.lines().isEmpty(), "the " + failure + " was logged");
        assertEquals(List.of(), log.linesWithAnyOf(PERSONAL), "log lines with personal data after a " + failure);
    }

    /** What the test does to the intake's insert while it waits for the lock, given the waiting backend's pid. */
    private interface Interference {
        void apply(Connection db, int waitingPid) throws SQLException;
    }

    /**
     * Submits {@code lead} over REST while this test holds a lock that lets intake read but not insert into the lead
     * table, interferes once the insert waits, then releases the lock; returns the submission's HTTP status.
     */
    private static int whileLeadTableLocked(Map<String, Object> lead, Interference interference) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            db.setAutoCommit(false);
            db.createStatement().execute("lock table lead in exclusive mode");
            CompletableFuture<Integer> submitted = CompletableFuture.supplyAsync(() -> given()
                    .contentType(ContentType.JSON).body(lead).post("/leads").statusCode());
            int pid = await().atMost(Duration.ofSeconds(20)).until(() -> waitingInsert(db), found -> found > 0);
            interference.apply(db, pid);
            db.rollback();
            return submitted.get(30, TimeUnit.SECONDS);
        }
    }

    private static int waitingInsert(Connection db) throws SQLException {
        // By the lock it waits for: pg_stat_activity may still show the statement before a pipelined JDBC batch.
        try (PreparedStatement waiting = db.prepareStatement("select pid from pg_locks where not granted "
                + "and locktype = 'relation' and relation = 'lead'::regclass");
                ResultSet rows = waiting.executeQuery()) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static void query(Connection db, String sql, int pid) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setInt(1, pid);
            statement.executeQuery().close();
        }
    }
}
