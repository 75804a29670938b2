package com.partnernet.chaos;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.partnernet.testkit.service.Service;

/**
 * Scenario 1: while leads are published and processed, leads-service is stopped (SIGTERM) at a random moment as a
 * rolling deploy stops it, and started again; later it is killed (SIGKILL) and started again. The stop must hand its
 * work over within {@link Takedown#STOP_WITHIN}, dead-lettering nothing it was processing. After the load drains
 * every lead is stored once, assigned at most once, its {@code LeadAssigned} event is on {@code leads.events} exactly
 * once, and no outbox row is left unsent.
 */
final class ServiceCrash implements Scenario {

    private final int leads;
    private final int leadsPerSecond;
    private final long seed;

    ServiceCrash(int leads, int leadsPerSecond, long seed) {
        this.leads = leads;
        this.leadsPerSecond = leadsPerSecond;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "1 service crash and stop";
    }

    @Override
    public List<Service> services() {
        return List.of(Service.LEADS);
    }

    @Override
    public Outcome run(SystemUnderTest system) throws Exception {
        LeadLoad load = LeadLoad.prepare(system, leads, leadsPerSecond);
        Random random = new Random(seed);
        // At random points of the processing: a stop in the first half of the load (leads still arriving), a kill in
        // the second.
        List<Takedown> takedowns = List.of(Takedown.stop(load.at(0.15 + 0.3 * random.nextDouble())),
                Takedown.crash(load.at(0.55 + 0.3 * random.nextDouble())));
        AtomicInteger done = new AtomicInteger();
        LeadLoad.Result result = load.run(faults -> done.set(system.takeDownAt(Service.LEADS, takedowns, load::stored,
                "stored", load.giveUp(), faults)));
        return load.outcome(name(), result, done.get() == takedowns.size(), "seed " + seed);
    }
}
