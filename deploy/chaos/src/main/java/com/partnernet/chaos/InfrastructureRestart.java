package com.partnernet.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import com.partnernet.testkit.infrastructure.Infrastructure;
import com.partnernet.testkit.service.Service;

/**
 * Scenarios 3 and 4: the Kafka broker or the PostgreSQL server is stopped at a random moment while leads flow, kept
 * down for a while and started again on the same port and data. leads-service must notice (readiness DOWN), recover
 * by itself (readiness UP) and lose or duplicate nothing: the load's producer, the consumer and the outbox relay
 * resume where they were.
 */
final class InfrastructureRestart implements Scenario {

    enum Part {
        BROKER("3 broker restart", "Kafka broker"),
        DATABASE("4 database restart", "PostgreSQL");

        final String scenario;
        final String label;

        Part(String scenario, String label) {
            this.scenario = scenario;
            this.label = label;
        }

        void stop(Infrastructure infrastructure) throws Exception {
            if (this == BROKER) {
                infrastructure.stopKafka();
            } else {
                infrastructure.stopPostgres();
            }
        }

        void start(Infrastructure infrastructure) throws Exception {
            if (this == BROKER) {
                infrastructure.startKafka();
            } else {
                infrastructure.startPostgres();
            }
        }
    }

    private static final Duration NOTICE = Duration.ofSeconds(60);
    private static final Duration RECOVER = Duration.ofSeconds(120);

    private final Part part;
    private final int leads;
    private final int leadsPerSecond;
    private final Duration downFor;
    private final long seed;

    InfrastructureRestart(Part part, int leads, int leadsPerSecond, Duration downFor, long seed) {
        this.part = part;
        this.leads = leads;
        this.leadsPerSecond = leadsPerSecond;
        this.downFor = downFor;
        this.seed = seed;
    }

    @Override
    public String name() {
        return part.scenario;
    }

    @Override
    public List<Service> services() {
        return List.of(Service.LEADS);
    }

    @Override
    public Outcome run(SystemUnderTest system) throws Exception {
        LeadLoad load = LeadLoad.prepare(system, leads, leadsPerSecond);
        long stopAt = load.at(0.2 + 0.3 * new Random(seed).nextDouble());
        AtomicBoolean wentDown = new AtomicBoolean();
        AtomicBoolean cameBack = new AtomicBoolean();
        LeadLoad.Result result = load.run(faults -> {
            if (!load.awaitStored(stopAt)) {
                faults.add("no restart: " + stopAt + " leads never stored");
                return;
            }
            long storedThen = load.stored();
            Instant stopped = Instant.now();
            part.stop(system.infrastructure());
            Duration toDown = awaitReadiness(system, false, NOTICE);
            Duration stillDown = downFor.minus(Duration.between(stopped, Instant.now()));
            if (!stillDown.isNegative()) {
                Thread.sleep(stillDown.toMillis());
            }
            Instant started = Instant.now();
            part.start(system.infrastructure());
            Duration toUp = awaitReadiness(system, true, RECOVER);
            faults.add(String.format("%s stopped at %d stored for %.1f s", part.label, storedThen,
                    Duration.between(stopped, started).toMillis() / 1000.0));
            wentDown.set(toDown != null);
            cameBack.set(toUp != null);
            faults.add(toDown != null ? String.format("ready DOWN after %.1f s", toDown.toMillis() / 1000.0)
                    : "readiness never DOWN");
            faults.add(toUp != null ? String.format("UP %.1f s after the start", toUp.toMillis() / 1000.0)
                    : "readiness not UP again");
        });
        return load.outcome(name(), result, wentDown.get() && cameBack.get(), "seed " + seed);
    }

    /** How long until leads-service's readiness is {@code up}; null when it is not by {@code timeout}. */
    private static Duration awaitReadiness(SystemUnderTest system, boolean up, Duration timeout) throws InterruptedException {
        Instant from = Instant.now();
        Instant deadline = from.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (system.ready(Service.LEADS) == up) {
                return Duration.between(from, Instant.now());
            }
            Thread.sleep(100);
        }
        return null;
    }
}
