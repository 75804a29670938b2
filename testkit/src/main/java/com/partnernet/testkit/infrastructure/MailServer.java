package com.partnernet.testkit.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

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

    private final JarServer server;
    private final int smtpPort;
    private final int apiPort;

    private MailServer(JarServer server, int smtpPort, int apiPort) {
        this.server = server;
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
    }

    /** Starts the server and waits until it answers; its log goes to {@code log}. */
    public static MailServer start(int smtpPort, int apiPort, Path log) throws IOException, InterruptedException {
        JarServer server = JarServer.start("mail server", JarServer.jar("greenmail.standalone.jar"),
                List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                        "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                        "-Dgreenmail.auth.disabled", "-Dgreenmail.verbose=false"),
                List.of(), Map.of(), log, URI.create(apiUrl(apiPort) + "/service/readiness"));
        return new MailServer(server, smtpPort, apiPort);
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
        JsonNode inbox = JarServer.getJson(URI.create(apiUrl + "/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                + "/messages/INBOX"));
        List<Mail> mails = new ArrayList<>();
        if (inbox != null) {
            for (JsonNode mail : inbox) {
                mails.add(new Mail(mail.path("Message-ID").asText(), mail.path("subject").asText(),
                        mail.path("mimeMessage").asText()));
            }
        }
        return mails;
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
