package com.partnernet.testkit.conformance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.partnernet.testkit.token.Tokens;

/** What ops reads holds none of the personal data stored: every endpoint ops may read, swept. */
public final class PersonalDataSweep {

    private final ContractProbe probe;

    public PersonalDataSweep(ContractProbe probe) {
        this.probe = probe;
    }

    /**
     * Calls every GET endpoint ops may read, as ops, with the rule's sample parameters, and fails on any answer holding
     * one of {@code personalValues} (the values the service's personal-data model marks, stored now), or on an endpoint
     * that could not be read at all. A sales manager reading the same endpoints must meet some of the values, or the
     * sweep would prove nothing.
     */
    public void verify(List<Endpoint> endpoints, Set<String> personalValues)
            throws IOException, InterruptedException {
        if (personalValues.isEmpty()) {
            throw new AssertionError("no personal data stored: the sweep would prove nothing");
        }
        List<String> failures = new ArrayList<>();
        String ops = probe.tokens.forRole(Tokens.OPS);
        String salesManager = probe.tokens.forRole(Tokens.SALES_MANAGER);
        Set<String> seenByManager = new TreeSet<>();
        for (Endpoint endpoint : endpoints) {
            if (!endpoint.method.equals("GET") || !endpoint.roles.contains(Tokens.OPS)) {
                continue;
            }
            HttpResponse<String> read = probe.send(endpoint, ops, (String) null);
            probe.observe(endpoint, "ops", read);
            if (read.statusCode() != 200) {
                failures.add(ContractProbe.line(endpoint, "ops", "200 to sweep", read));
                continue;
            }
            String shown = read.body().toLowerCase();
            personalValues.stream().filter(value -> shown.contains(value.toLowerCase()))
                    .forEach(value -> failures.add(endpoint.key() + " shows ops the personal value '" + value + "'"));
            String managed = probe.send(endpoint, salesManager, (String) null).body().toLowerCase();
            personalValues.stream().filter(value -> managed.contains(value.toLowerCase())).forEach(seenByManager::add);
        }
        if (seenByManager.isEmpty()) {
            failures.add("a sales manager met none of the personal values either: the sample data holds none to find");
        }
        failures.addAll(probe.undocumented());
        ContractProbe.report(failures, "personal-data leaks to ops, or answers off their documented schema");
    }
}
