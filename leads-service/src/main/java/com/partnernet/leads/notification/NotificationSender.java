package com.partnernet.leads.notification;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.shutdown.Drain;
import com.partnernet.chassis.shutdown.Drained;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.leads.directory.RoutingShopRepository;
import com.partnernet.leads.directory.RoutingTeamRepository;
import com.partnernet.leads.lead.Lead;
import com.partnernet.leads.lead.LeadRepository;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Sends the waiting lead mails through the mail server (Quarkus mailer, {@code QUARKUS_MAILER_*}): each round locks a
 * batch (instances pass over each other's), sends each and marks it sent in the same transaction, so a mail goes out
 * once — only a crash between the server's acceptance and the commit sends it again, with the same Message-ID for
 * mail systems to recognise. A failure is retried with a growing delay, then given up; both are counted
 * ({@code partnernet.leads.notifications}) and alerted on. A mail whose lead moved on meanwhile is dropped.
 */
@ApplicationScoped
@Startup // its series exist from the start (at 0), also on an instance that sends none
public class NotificationSender {

    private static final String METRIC = "partnernet.leads.notifications";
    private static final String SENT = "sent";

    private final NotificationRepository notifications;
    private final LeadRepository leads;
    private final RoutingShopRepository shops;
    private final RoutingTeamRepository teams;
    private final ReactiveMailer mailer;
    private final NotificationConfig config;
    private final MeterRegistry registry;
    private final Drain drain;
    private final AtomicLong waiting = new AtomicLong();

    public NotificationSender(NotificationRepository notifications, LeadRepository leads, RoutingShopRepository shops,
            RoutingTeamRepository teams, ReactiveMailer mailer, NotificationConfig config, MeterRegistry registry,
            Drain drain) {
        this.notifications = notifications;
        this.leads = leads;
        this.shops = shops;
        this.teams = teams;
        this.mailer = mailer;
        this.config = config;
        this.registry = registry;
        this.drain = drain;
        Gauge.builder(METRIC + ".waiting", waiting, AtomicLong::get)
                .description("Lead mails written and not sent yet (failing ones included until given up)").register(registry);
        for (NotificationCause cause : NotificationCause.values()) {
            for (String outcome : List.of(SENT, "failed", "given_up", "dropped")) {
                registry.counter(METRIC, "cause", cause.name(), "outcome", outcome);
            }
        }
    }

    @Drained
    @Scheduled(identity = "lead-notifications", every = "${leads.notifications.send-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        sendWaiting(Timestamps.now());
    }

    /**
     * Sends every mail due by {@code now}, a batch per transaction; a stopping service ends with the batch in hand.
     *
     * @return how many were sent
     */
    public int sendWaiting(Instant now) {
        int sent = 0;
        List<Outcome> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> notifications.lockDue(now, config.batch()).stream()
                    .map(notification -> new Outcome(notification.cause, send(notification, now))).toList());
            // Counted once the batch's transaction committed, as its mails' states are.
            for (Outcome outcome : batch) {
                registry.counter(METRIC, "cause", outcome.cause().name(), "outcome", outcome.outcome()).increment();
                sent += outcome.outcome().equals(SENT) ? 1 : 0;
            }
        } while (batch.size() == config.batch() && !drain.stopping());
        waiting.set(QuarkusTransaction.requiringNew().call(notifications::countWaiting));
        return sent;
    }

    /** What became of one mail: {@code sent}, {@code failed}, {@code given_up} or {@code dropped}. */
    private record Outcome(NotificationCause cause, String outcome) {
    }

    private String send(LeadNotification notification, Instant now) {
        Lead lead = leads.findById(notification.leadId);
        if (isObsolete(notification, lead)) {
            notification.drop(now);
            return "dropped";
        }
        NotificationMails.Text text = NotificationMails.compose(about(notification, lead), Timestamps.BUSINESS_ZONE,
                config.inboxUrl());
        try {
            deliver(Mail.withText(notification.recipient, text.subject(), text.body())
                    .addHeader("Message-ID", "<" + notification.id + "@leads.partnernet>"));
            notification.sent(now);
            return SENT;
        } catch (RuntimeException e) {
            boolean givenUp = notification.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), now,
                    config.retryDelay(), config.maxRetryDelay(), config.maxAttempts());
            // The recipient is a shop's mailbox, but a server's message may quote anything: the log names ids only.
            Log.warnf("Lead mail %s (%s of lead %s) failed, attempt %d%s: %s", notification.id, notification.cause,
                    notification.leadId, notification.attempts, givenUp ? ", given up" : "", e.getClass().getSimpleName());
            return givenUp ? "given_up" : "failed";
        }
    }

    /**
     * Sends on a Vert.x event loop and waits for the server's answer. Sent from a worker thread, the mail client
     * (vertx-mail-client 4.5) opens a new connection on one event loop and starts reading it from another: a greeting
     * the server sends at once is lost, and the mail fails or waits until the server gives up on it — 4 of 200 new
     * connections to the local mail server, none when sent from an event loop.
     */
    private void deliver(Mail mail) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> mailer.send(mail).ifNoItem().after(config.sendTimeout()).fail());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) { // the mail client's own failures (SMTPException) are no Exception
            throw new CompletionException(e);
        }
    }

    /** A mail about an assignment the lead has left, or a reminder of a first contact that happened, says nothing. */
    private static boolean isObsolete(LeadNotification notification, Lead lead) {
        if (notification.cause == NotificationCause.BREACHED) {
            return false;
        }
        return !notification.assignedAt.equals(lead.assignedAt) || !lead.status().awaitsFirstContact();
    }

    private NotificationMails.About about(LeadNotification notification, Lead lead) {
        String assignee = notification.shopId != null
                ? shops.findByIdOptional(notification.shopId).map(shop -> "Ihr Shop " + shop.name).orElse("Ihr Shop")
                : teams.findByIdOptional(notification.teamId).map(team -> "Ihr Team " + team.name).orElse("Ihr Team");
        return new NotificationMails.About(notification.cause, assignee, lead.productLine.name(), lead.segment.name(),
                lead.postalCode, lead.campaign, lead.routingReason, notification.assignedAt,
                notification.cause == NotificationCause.BREACHED ? null : lead.slaDueAt, notification.shopId);
    }
}
