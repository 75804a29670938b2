package com.partnernet.chaos;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import com.partnernet.testkit.service.Service;
import com.partnernet.testkit.infrastructure.Topic;

/**
 * Scenario 5: two instances of leads-service share the consumer group and the database; the one holding the outbox
 * relay's lease is killed (SIGKILL) mid-load and not started again. Its partitions move to the survivor, which also
 * takes over the relay: no lead lost or assigned twice, no event published twice.
 */
final class TwoInstances implements Scenario {

    private static final String SECOND = Service.LEADS.serviceName + "-2";
    private static final String GROUP = "leads-service.ingestion";

    private final int leads;
    private final int leadsPerSecond;
    private final long seed;

    TwoInstances(int leads, int leadsPerSecond, long seed) {
        this.leads = leads;
        this.leadsPerSecond = leadsPerSecond;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "5 two instances";
    }

    @Override
    public List<Service> services() {
        return List.of(Service.LEADS);
    }

    @Override
    public Outcome run(SystemUnderTest system) throws Exception {
        system.startInstance(Service.LEADS, SECOND);
        LeadLoad load = LeadLoad.prepare(system, leads, leadsPerSecond);
        long killAt = load.at(0.25 + 0.4 * new Random(seed).nextDouble());
        AtomicReference<String> killed = new AtomicReference<>();
        AtomicReference<Map<String, Integer>> sharedBefore = new AtomicReference<>(Map.of());
        LeadLoad.Result result = load.run(faults -> {
            if (!load.awaitStored(killAt)) {
                faults.add("no SIGKILL: " + killAt + " leads never stored");
                return;
            }
            // The relay's holder names its process: kill the instance that relays, so the survivor must take over.
            String holder = leaseHolder(system);
            String instance = system.instances(Service.LEADS).stream()
                    .filter(name -> holder.contains("/" + system.pid(name) + "/")).findFirst().orElse(SECOND);
            sharedBefore.set(system.groupMembers(GROUP));
            long storedThen = load.stored();
            system.kill(instance);
            killed.set(instance);
            faults.add("SIGKILL of the relaying instance " + instance + " at " + storedThen + " stored");
        });
        String survivor = system.instances(Service.LEADS).stream().filter(name -> !name.equals(killed.get()))
                .findFirst().orElseThrow();
        String holder = leaseHolder(system);
        boolean relayMoved = killed.get() != null && holder.contains("/" + system.pid(survivor) + "/");
        // The dead member leaves the group when its session times out (10 s); a drained load can be quicker.
        Map<String, Integer> after = system.groupMembers(GROUP);
        Instant rebalanceDeadline = Instant.now().plusSeconds(30);
        while (!holdsAll(after) && Instant.now().isBefore(rebalanceDeadline)) {
            Thread.sleep(500);
            after = system.groupMembers(GROUP);
        }
        // Both instances consumed before the kill, the survivor holds every partition after it.
        boolean partitionsMoved = sharedBefore.get().size() == 2 && !sharedBefore.get().containsValue(0)
                && holdsAll(after);
        return load.outcome(name(), result, relayMoved && partitionsMoved, "partitions of leads.inbound per member "
                + sharedBefore.get().values() + " before the kill, " + after.values() + " after; relay lease held by "
                + holder + " (" + survivor + (relayMoved ? ")" : ", NOT the survivor)") + ", seed " + seed);
    }

    /** One member holds every partition of leads.inbound. */
    private static boolean holdsAll(Map<String, Integer> members) {
        return members.size() == 1 && members.containsValue(Topic.LEADS_INBOUND.partitions);
    }

    private static String leaseHolder(SystemUnderTest system) throws SQLException {
        return system.text(Service.LEADS, "select holder from outbox_relay_lease where id = 1");
    }
}
