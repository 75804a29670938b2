package com.partnernet.testkit.infrastructure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import com.partnernet.testkit.token.JwtKeys;
import com.partnernet.testkit.token.Tokens;

/**
 * Real PostgreSQL and Kafka for a service's {@code @QuarkusTest}s: started once per test JVM on free ports and
 * handed to Quarkus. When the environment names an external broker ({@code KAFKA_BOOTSTRAP_SERVERS}) or database
 * ({@code QUARKUS_DATASOURCE_JDBC_URL}, with {@code _USERNAME} and {@code _PASSWORD}), those are used instead.
 * Also a fresh token-signing key pair: the service trusts its public key, and the tests mint tokens with the private
 * one ({@link #tokens()}).
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    /** Where the tests find the private key; only this test resource ever sets it. */
    static final String TEST_SIGNING_KEY = "partnernet.test.jwt.private-key";
    static final String VERIFY_KEY = "mp.jwt.verify.publickey";
    /** Where tests read the mails the service under test sent. */
    static final String MAIL_API = "partnernet.test.mail-api";

    private static Map<String, String> settings;

    @Override
    public synchronized Map<String, String> start() {
        if (settings == null) {
            settings = startOnce();
        }
        return settings;
    }

    private static Map<String, String> startOnce() {
        String externalKafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        String externalJdbc = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        try {
            Infrastructure infrastructure = Infrastructure.start(Infrastructure.Settings.ephemeral(), List.of(),
                    externalJdbc == null, externalKafka == null);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    infrastructure.close();
                } catch (Exception e) {
                    System.err.println("Stopping test infrastructure failed: " + e);
                }
            }, "test-infrastructure-stop"));
            Map<String, String> config = new HashMap<>();
            JwtKeys keys = JwtKeys.generate();
            config.put("mp.jwt.verify.issuer", Tokens.TEST_ISSUER);
            config.put(VERIFY_KEY, keys.publicKeyPem());
            config.put(TEST_SIGNING_KEY, keys.privateKeyPem());
            if (externalKafka != null) {
                Infrastructure.ensureTopics(externalKafka);
                config.put("kafka.bootstrap.servers", externalKafka);
            } else {
                config.put("kafka.bootstrap.servers", infrastructure.bootstrapServers());
            }
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", Integer.toString(infrastructure.smtpPort()));
            config.put("quarkus.mailer.mock", "false");
            config.put(MAIL_API, infrastructure.mailApiUrl());
            if (externalJdbc != null) {
                // Quarkus reads the URL and the credentials from the environment itself.
                config.put("quarkus.datasource.jdbc.url", externalJdbc);
            } else {
                config.put("quarkus.datasource.jdbc.url", infrastructure.jdbcUrl("postgres"));
                config.put("quarkus.datasource.username", Postgres.USER);
                config.put("quarkus.datasource.password", Postgres.PASSWORD);
            }
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("Test infrastructure did not start", e);
        }
    }

    /** Mints tokens the service under test trusts; call from a running {@code @QuarkusTest}. */
    public static Tokens tokens() {
        Config config = ConfigProvider.getConfig();
        return new Tokens(JwtKeys.parse(config.getValue(TEST_SIGNING_KEY, String.class),
                config.getValue(VERIFY_KEY, String.class)), Tokens.TEST_ISSUER);
    }

    /** The mails {@code address} received from the service under test; call from a running {@code @QuarkusTest}. */
    public static List<MailServer.Mail> mailsTo(String address) {
        return MailServer.inbox(ConfigProvider.getConfig().getValue(MAIL_API, String.class), address);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; a shutdown hook stops it when the JVM ends.
    }
}
