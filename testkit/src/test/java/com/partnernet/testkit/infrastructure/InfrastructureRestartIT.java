package com.partnernet.testkit.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.partnernet.testkit.capture.KafkaTestClient;

/** The local run keeps its state between runs: what was committed and published before a restart is there after. */
class InfrastructureRestartIT {

    @TempDir
    Path state;

    @Test
    void databaseRowsAndKafkaRecordsSurviveARestartOfTheInfrastructure() throws Exception {
        try (Infrastructure first = Infrastructure.start(settings(), List.of("partners"))) {
            try (Connection db = DriverManager.getConnection(first.jdbcUrl("partners"), Postgres.USER, Postgres.PASSWORD);
                    Statement sql = db.createStatement()) {
                sql.execute("create table kept (name text)");
                sql.execute("insert into kept values ('before restart')");
            }
            try (KafkaTestClient kafka = new KafkaTestClient(first.bootstrapServers())) {
                kafka.send(Topic.LEADS_INBOUND.topicName, "restart-test", "published before restart");
            }
        }
        String clusterId = Files.readString(state.resolve("kafka/meta.properties"));

        try (Infrastructure second = Infrastructure.start(settings(), List.of("partners"))) {
            try (Connection db = DriverManager.getConnection(second.jdbcUrl("partners"), Postgres.USER, Postgres.PASSWORD);
                    Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("select name from kept")) {
                assertTrue(rows.next());
                assertEquals("before restart", rows.getString(1));
            }
            try (KafkaTestClient kafka = new KafkaTestClient(second.bootstrapServers())) {
                kafka.await(Topic.LEADS_INBOUND.topicName, record -> "restart-test".equals(record.key()), Duration.ofSeconds(20));
            }
        }
        assertEquals(clusterId, Files.readString(state.resolve("kafka/meta.properties")), "the broker kept its cluster");
    }

    private Infrastructure.Settings settings() {
        return new Infrastructure.Settings(state, Infrastructure.freePort(), Infrastructure.freePort(),
                Infrastructure.freePort(), Infrastructure.freePort(), Infrastructure.freePort(), Infrastructure.freePort(),
                true, true, false, false);
    }
}
