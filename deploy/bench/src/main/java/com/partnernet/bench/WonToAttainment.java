package com.partnernet.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnernet.chaos.SystemUnderTest;
import com.partnernet.testkit.service.Service;
import com.partnernet.testkit.token.Tokens;

/**
 * How soon a won lead shows in its partner's attainment: a shop marks an assigned lead WON through leads-service's
 * API; the clock runs from that request until targets-service's attainment API answers with the sale counted
 * (leads-service's outbox, {@code LeadWon} on leads.events, targets-service's consumer and its read model in between).
 * One lead at a time, so each latency is the path's own.
 */
final class WonToAttainment {

    private final SystemUnderTest system;

    WonToAttainment(SystemUnderTest system) {
        this.system = system;
    }

    Latencies run(String campaign, int wins) throws Exception {
        Latencies latencies = new Latencies();
        for (UUID[] lead : assignedLeads(campaign, wins)) {
            UUID leadId = lead[0];
            String attainment = "/partners/" + lead[1] + "/attainment";
            long before = soldUnits(attainment);
            long start = System.nanoTime();
            system.call(Service.LEADS, Tokens.SALES_MANAGER, "PUT", "/leads/" + leadId + "/status", Map.of("status", "WON"));
            long deadline = start + Duration.ofSeconds(30).toNanos();
            while (soldUnits(attainment) <= before) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("won lead " + leadId + " not in its partner's attainment after 30 s");
                }
                Thread.sleep(1);
            }
            latencies.record(System.nanoTime() - start);
        }
        return latencies;
    }

    private long soldUnits(String attainment) throws Exception {
        return BenchNetwork.json(system.call(Service.TARGETS, Tokens.SALES_MANAGER, "GET", attainment, null))
                .path("total").path("soldUnits").asLong();
    }

    /** Leads of the campaign a shop holds, with their partner. */
    private List<UUID[]> assignedLeads(String campaign, int wins) throws Exception {
        List<UUID[]> leads = new ArrayList<>();
        try (Connection db = system.database(Service.LEADS); PreparedStatement query = db.prepareStatement(
                "select id, partner_id from lead where campaign = ? and status = 'NEW' order by received_at limit ?")) {
            query.setString(1, campaign);
            query.setInt(2, wins);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    leads.add(new UUID[] { rows.getObject(1, UUID.class), rows.getObject(2, UUID.class) });
                }
            }
        }
        if (leads.size() < wins) {
            throw new IllegalStateException("only " + leads.size() + " assigned leads of " + campaign + " to win, not " + wins);
        }
        return leads;
    }
}
