package com.partnernet.leads.notification;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Shops' lead mails ({@code LEADS_NOTIFICATIONS_*}; the mail server is {@code QUARKUS_MAILER_*}). */
@ConfigMapping(prefix = "leads.notifications")
public interface NotificationConfig {

    /** The lead inbox page the mails link to (its {@code ?shop=} names the shop). */
    @WithDefault("http://127.0.0.1:8082/inbox/")
    String inboxUrl();

    /** How often waiting mails are sent (a Quarkus scheduler interval). */
    @WithDefault("5s")
    String sendInterval();

    /** Mails sent per round and transaction. */
    @WithDefault("20")
    int batch();

    /** How long a mail server may take to accept a mail before the attempt counts as failed. */
    @WithDefault("PT60S")
    Duration sendTimeout();

    /** The wait after a first failure; it doubles per attempt… */
    @WithDefault("PT30S")
    Duration retryDelay();

    /** …up to this. */
    @WithDefault("PT30M")
    Duration maxRetryDelay();

    /** Attempts before a mail is given up (counted, and alerted on). */
    @WithDefault("12")
    int maxAttempts();
}
