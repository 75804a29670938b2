package com.partnernet.leads.lead;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import com.partnernet.chassis.shutdown.Drained;
import com.partnernet.leads.vocabulary.DeclineReason;
import com.partnernet.leads.vocabulary.LeadStatus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * What ops watch of the leads: intake by campaign and outcome, intake latency, the network's pipeline by stage, SLA
 * breaches and reassignments, records of leads.inbound sent to its dead-letter topic. Counters of intake move only
 * when the transaction that did the work committed, so a poll that failed and was retried counts once. Campaign tags
 * are codes of campaigns the service has: a stored lead's campaign was checked.
 */
@ApplicationScoped
public class LeadMetrics {

    private final MeterRegistry registry;
    private final LeadRepository leads;
    private final Event<Tally> committedTallies;
    private final Timer intakeLatency;
    private final Map<LeadStatus, AtomicLong> pipeline = new EnumMap<>(LeadStatus.class);

    public LeadMetrics(MeterRegistry registry, LeadRepository leads, Event<Tally> committedTallies) {
        this.registry = registry;
        this.leads = leads;
        this.committedTallies = committedTallies;
        this.intakeLatency = Timer.builder("partnernet.leads.intake.latency")
                .description("From a lead's publish on leads.inbound until its intake (stored and routed) committed")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), Duration.ofSeconds(60))
                .register(registry);
        // Series of a fixed set of tags exist from the start, at 0: an alert's increase() then sees their first event.
        registry.counter("partnernet.leads.dead.lettered", "reason", "invalid");
        registry.counter("partnernet.leads.dead.lettered", "reason", "failing");
        registry.counter("partnernet.leads.sla.breaches", "outcome", "reassigned");
        registry.counter("partnernet.leads.sla.breaches", "outcome", "unrouted");
        registry.counter("partnernet.leads.reassigned", "cause", "sla_breach");
        for (LeadStatus stage : LeadStatus.values()) {
            AtomicLong count = new AtomicLong();
            pipeline.put(stage, count);
            Gauge.builder("partnernet.leads.pipeline", count, AtomicLong::get).tag("stage", stage.name())
                    .description("Leads of the whole network in a stage (UNROUTED is the ops queue)").register(registry);
        }
    }

    /** Counts these increments once the current transaction commits (nothing if it rolls back). */
    public void countOnCommit(Tally tally) {
        if (!tally.increments.isEmpty()) {
            committedTallies.fire(tally);
        }
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) Tally tally) {
        tally.increments.forEach((increment, amount) -> registry.counter(increment.name(), increment.tags()).increment(amount));
    }

    /**
     * A record of leads.inbound is on leads.inbound.dlq.
     *
     * @param reason {@code invalid} (not a valid lead) or {@code failing} (kept failing for the whole retry budget)
     */
    public void deadLettered(String reason) {
        registry.counter("partnernet.leads.dead.lettered", "reason", reason).increment();
    }

    /** A lead from leads.inbound, published {@code sincePublished} before its intake committed. */
    public void intookAfter(Duration sincePublished) {
        intakeLatency.record(sincePublished.isNegative() ? Duration.ZERO : sincePublished);
    }

    /** Counted on a schedule (an index-only scan), so a scrape never waits for the database. */
    @Drained
    @Scheduled(identity = "lead-pipeline-gauges", every = "${leads.metrics.pipeline-interval}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void measurePipeline() {
        Map<LeadStatus, Long> counts = QuarkusTransaction.requiringNew().call(leads::countByStatus);
        pipeline.forEach((stage, count) -> count.set(counts.getOrDefault(stage, 0L)));
    }

    /** Counter increments collected during a transaction. */
    public static final class Tally {

        private record Increment(String name, Tags tags) {
        }

        private final Map<Increment, Integer> increments = new HashMap<>();

        private void add(String name, String... tags) {
            increments.merge(new Increment(name, Tags.of(tags)), 1, Integer::sum);
        }

        /** A new lead stored (whatever came of it next). */
        public void received(String campaign) {
            add("partnernet.leads.received", "campaign", campaign);
        }

        /** @param assignee {@code shop} or {@code field_team} */
        public void assigned(String campaign, String assignee) {
            add("partnernet.leads.assigned", "campaign", campaign, "assignee", assignee);
        }

        /** No shop or team could take the lead: it waits in the ops queue. */
        public void unrouted(String campaign) {
            add("partnernet.leads.unrouted", "campaign", campaign);
        }

        /** A lead stored but not routed: {@code no_consent} or {@code duplicate} (an open lead of the person exists). */
        public void rejected(String campaign, String reason) {
            add("partnernet.leads.rejected", "campaign", campaign, "reason", reason);
        }

        /** @param outcome {@code reassigned} or {@code unrouted} (after too many breaches) */
        public void slaBreached(String outcome) {
            add("partnernet.leads.sla.breaches", "outcome", outcome);
        }

        /**
         * @param cause why the lead moved on: {@code sla_breach}, {@code decline}, or {@code decline_unrouted} (nobody
         *        else could take it)
         */
        public void reassigned(String cause) {
            add("partnernet.leads.reassigned", "cause", cause);
        }

        /** A shop (or field team, by its id) declined a lead it was given; ids of shops are no personal data. */
        public void declined(UUID assignee, DeclineReason reason) {
            add("partnernet.leads.declined", "assignee", assignee.toString(), "reason", reason.name());
        }
    }
}
