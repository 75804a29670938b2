package com.partnernet.chaos;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.partnernet.testkit.service.Service;

/**
 * Scenario 1: leads-service is killed (SIGKILL) twice at random moments while leads are published and processed,
 * and started again. After the load drains every lead is stored once, assigned at most once, its
 * {@code LeadAssigned} event is on {@code leads.events} exactly once, and no outbox row is left unsent.
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
        return "1 service crash";
    }

    @Override
    public List<Service> services() {
        return List.of(Service.LEADS);
    }

    @Override
    public Outcome run(SystemUnderTest system) throws Exception {
        LeadLoad load = LeadLoad.prepare(system, leads, leadsPerSecond);
        Random random = new Random(seed);
        // Two kills at random points of the processing: in the first and in the second half of the load.
        List<Long> killAt = List.of(load.at(0.15 + 0.3 * random.nextDouble()), load.at(0.55 + 0.3 * random.nextDouble()));
        AtomicInteger kills = new AtomicInteger();
        LeadLoad.Result result = load.run(faults -> kills.set(system.crashAt(Service.LEADS, killAt, load::stored,
                "stored", load.giveUp(), faults)));
        return load.outcome(name(), result, kills.get() == killAt.size(), "seed " + seed);
    }
}
