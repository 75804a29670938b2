package com.partnernet.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real SMTP server without Docker: GreenMail's standalone jar (from Maven Central) in a JVM of its own, accepting
 * mail for any address, which its web API at {@link #apiUrl()} lists per recipient.
 */
public final class MailServer implements AutoCloseable {

    /** A mail as the server received it. */
    public record Mail(String messageId, String subject, String mimeMessage) {

        /** The text of a single-part mail, its quoted-printable transfer encoding (if any) undone. */
        public String text() {
            int blank = mimeMessage.indexOf("\r\n\r\n");
            String headers = blank < 0 ? mimeMessage : mimeMessage.substring(0, blank);
            String body = blank < 0 ? "" : mimeMessage.substring(blank + 4);
            if (!headers.toLowerCase(Locale.ROOT).contains("content-transfer-encoding: quoted-printable")) {
                return body;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            String joined = body.replace("=\r\n", "");
            for (int i = 0; i < joined.length(); i++) {
                char c = joined.charAt(i);
                if (c == '=' && i + 2 < joined.length()) {
                    bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int smtpPort;
    private final int apiPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MailServer(Process process, int smtpPort, int apiPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
    }

    /** Starts the server and waits until it answers; its log goes to {@code log}. */
    public static MailServer start(int smtpPort, int apiPort, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                "-Dgreenmail.auth.disabled", "-Dgreenmail.verbose=false",
                "-jar", jar().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        MailServer server = new MailServer(process, smtpPort, apiPort);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!server.isReady()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                server.close();
                throw new IllegalStateException("The mail server did not start; see " + log);
            }
            Thread.sleep(100);
        }
        return server;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Where the received mails are listed: {@code /user} (every recipient), {@code /user/<address>/messages/INBOX}. */
    public String apiUrl() {
        return apiUrl(apiPort);
    }

    public static String apiUrl(int apiPort) {
        return "http://127.0.0.1:" + apiPort + "/api";
    }

    /** The mails {@code address} received, oldest first (none if it received none). */
    public static List<Mail> inbox(String apiUrl, String address) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(apiUrl
                    + "/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX")).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<Mail> mails = new ArrayList<>();
            if (response.statusCode() == 200) {
                for (JsonNode mail : JSON.readTree(response.body())) {
                    mails.add(new Mail(mail.path("Message-ID").asText(), mail.path("subject").asText(),
                            mail.path("mimeMessage").asText()));
                }
            }
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private boolean isReady() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(apiUrl() + "/service/readiness")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The standalone jar in the local Maven repository, which this module's build resolved (its path is filtered in). */
    private static Path jar() {
        Properties properties = new Properties();
        try (InputStream in = MailServer.class.getResourceAsStream("/partnernet-mail-server.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path jar = Path.of(properties.getProperty("greenmail.standalone.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("GreenMail's standalone jar is not at " + jar + ": build deploy/local first");
        }
        return jar;
    }
}
