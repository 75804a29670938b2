package com.partnernet.chassis.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** What the chassis defaults promise every consumer, read from the file the services get them from. */
class ConsumerSettingsTest {

    private static final String CONNECTOR = "mp.messaging.connector.smallrye-kafka.";

    @Test
    void aRecordWaitingForItsConsumerOutlastsTheConsumersRetriesOfAPassingFailure() throws IOException {
        // The connector's default (60 s) would give a channel up while its consumer still retries a database outage.
        Duration mayWait = Duration.ofMillis(Long.parseLong(defaults().getProperty(CONNECTOR
                + "throttled.unprocessed-record-max-age.ms")));
        assertTrue(mayWait.compareTo(Duration.ofMinutes(PoisonMessageException.RETRY_MINUTES)) > 0, mayWait.toString());
    }

    @Test
    void aStoppingServicePausesItsChannelsAndLeavesTheConnectorNoGraceOfItsOwn() throws IOException {
        Properties defaults = defaults();
        assertEquals("true", defaults.getProperty(CONNECTOR + "pausable"), "shutdown.Drain pauses every incoming channel");
        assertEquals("false", defaults.getProperty(CONNECTOR + "graceful-shutdown"),
                "the connector's grace would sleep and wait for records nobody processes any more");
    }

    private static Properties defaults() throws IOException {
        Properties defaults = new Properties();
        try (InputStream file = ConsumerSettingsTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(file);
        }
        return defaults;
    }
}
