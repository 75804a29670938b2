package com.partnernet.testkit.conformance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnernet.testkit.token.Tokens;

/**
 * Checks a running service's authorization against a rule per endpoint: every endpoint × {no token, expired token,
 * token signed by an unknown key, validly signed tokens with odd claims, each role, every pair of roles, partner user
 * of the resource's partner, partner user of another partner}. The endpoint list comes from the service's own OpenAPI
 * document, so an endpoint without a rule (or a rule without an endpoint) fails the check; the roles and their pairs
 * come from {@link Tokens#ALL_ROLES}, so a new role is probed everywhere. The roles the document names per operation
 * must be the rule's. Every status a probe meets must be one the document lists for that operation, with the ETag and
 * Location it promises, and every error a problem of the {@code urn:partnernet:problem:} family. All mismatches are
 * reported together, one line each.
 */
public final class AuthorizationMatrix {

    private static final List<String> OPERATOR_ROLES = Tokens.ALL_ROLES.stream()
            .filter(role -> !role.equals(Tokens.PARTNER_USER)).toList();
    /** Roles that reach across partners: a partner user may not hold them too (no sales manager beside it). */
    private static final Set<String> ACROSS_PARTNERS = Set.of(Tokens.OPS, Tokens.MARKETING_SYSTEM);

    private final ContractProbe probe;

    public AuthorizationMatrix(ContractProbe probe) {
        this.probe = probe;
    }

    /** Runs every probe; throws an AssertionError listing every mismatch. */
    public void verify(List<Endpoint> endpoints) throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>(probe.coverage(endpoints));
        failures.addAll(rules(endpoints));
        Tokens tokens = probe.tokens;
        String expired = tokens.expired("expired-manager", Set.of(Tokens.SALES_MANAGER));
        String stranger = tokens.signedByStranger("forged-manager", Set.of(Tokens.SALES_MANAGER));
        String userOfA = tokens.forPartner(probe.partnerA);
        String userOfB = tokens.forPartner(probe.partnerB);
        Map<String, String> operatorTokens = new LinkedHashMap<>();
        OPERATOR_ROLES.forEach(role -> operatorTokens.put(role, tokens.forRole(role)));
        Map<String, String> oddTokens = new LinkedHashMap<>();
        for (Object claim : List.<Object>of(List.of(probe.partnerA.toString()), 42, Map.of("id", probe.partnerA.toString()), "A")) {
            oddTokens.put("partner_id " + ContractProbe.JSON.writeValueAsString(claim), tokens.mint("odd-partner-claim",
                    Set.of(Tokens.PARTNER_USER), Map.of(Tokens.PARTNER_CLAIM, claim)));
        }
        oddTokens.put("groups as a number", tokens.mint("odd-groups", Set.of(), Map.of("groups", 7)));
        oddTokens.put("groups as an object", tokens.mint("odd-groups", Set.of(),
                Map.of("groups", Map.of(Tokens.SALES_MANAGER, true))));
        oddTokens.put("5,000-character subject", tokens.mint("s".repeat(5_000), Set.of(Tokens.SALES_MANAGER), Map.of()));
        for (Endpoint endpoint : endpoints) {
            expect(failures, endpoint, "no token", null, endpoint.body, status -> status == 401, "401");
            expect(failures, endpoint, "expired token", expired, endpoint.body, status -> status == 401, "401");
            expect(failures, endpoint, "unknown signer", stranger, endpoint.body, status -> status == 401, "401");
            for (Map.Entry<String, String> operator : operatorTokens.entrySet()) {
                if (endpoint.roles.contains(operator.getKey())) {
                    expect(failures, endpoint, operator.getKey(), operator.getValue(), endpoint.body,
                            status -> status != 401 && status != 403, "allowed (not 401/403)");
                } else {
                    expect(failures, endpoint, operator.getKey(), operator.getValue(), endpoint.body,
                            status -> status == 403, "403");
                }
            }
            checkPartnerUsers(failures, endpoint, userOfA, userOfB);
            checkRolePairs(failures, endpoint);
            for (Map.Entry<String, String> odd : oddTokens.entrySet()) {
                expect(failures, endpoint, odd.getKey(), odd.getValue(), endpoint.body,
                        status -> status == 401 || status == 403, "401 or 403");
            }
        }
        failures.addAll(probe.undocumented());
        ContractProbe.report(failures, "authorization mismatches");
    }

    /** The rules against each other and against the roles the document names per operation. */
    private List<String> rules(List<Endpoint> endpoints) throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>();
        endpoints.stream().filter(endpoint -> endpoint.roles.contains(Tokens.OPS) && !endpoint.method.equals("GET"))
                .forEach(endpoint -> failures.add(endpoint.key() + ": ops may read only, never write"));
        endpoints.stream().flatMap(endpoint -> endpoint.roles.stream()).filter(role -> !Tokens.ALL_ROLES.contains(role))
                .distinct().forEach(role -> failures.add(role + ": a rule names a role Tokens.ALL_ROLES does not list"));
        for (Endpoint endpoint : endpoints) {
            JsonNode operation = probe.operation(endpoint);
            if (operation.isMissingNode()) {
                continue;
            }
            Set<String> documented = new TreeSet<>();
            operation.path("security").forEach(requirement -> requirement.forEach(
                    scopes -> scopes.forEach(role -> documented.add(role.asText()))));
            Set<String> allowed = new TreeSet<>(endpoint.roles);
            if (endpoint.partnerUser != PartnerUser.DENIED) {
                allowed.add(Tokens.PARTNER_USER);
            }
            if (!documented.equals(allowed)) {
                failures.add(endpoint.key() + ": the document names the roles " + documented + ", the rule " + allowed);
            }
        }
        return failures;
    }

    private void checkPartnerUsers(List<String> failures, Endpoint endpoint, String userOfA, String userOfB)
            throws IOException, InterruptedException {
        switch (endpoint.partnerUser) {
            case DENIED -> {
                expect(failures, endpoint, "partner user A", userOfA, endpoint.body, status -> status == 403, "403");
                expect(failures, endpoint, "partner user B", userOfB, endpoint.body, status -> status == 403, "403");
            }
            case ALLOWED -> {
                expect(failures, endpoint, "partner user A", userOfA, endpoint.body,
                        status -> status != 401 && status != 403 && status != 404, "allowed (not 401/403/404)");
                expect(failures, endpoint, "partner user B", userOfB, endpoint.body,
                        status -> status != 401 && status != 403 && status != 404, "allowed (not 401/403/404)");
            }
            case OWN -> {
                expect(failures, endpoint, "partner user A (own)", userOfA, endpoint.body,
                        status -> status != 401 && status != 403 && status != 404, "allowed (not 401/403/404)");
                String crossBody = endpoint.otherPartnersBody != null ? endpoint.otherPartnersBody : endpoint.body;
                expect(failures, endpoint, "partner user B (A's resource)", userOfB, crossBody, status -> status == 404,
                        "404 as for no resource");
            }
            case FILTERED -> {
                HttpResponse<String> own = probe.send(endpoint, userOfA, endpoint.body);
                probe.observe(endpoint, "partner user A", own);
                if (own.statusCode() != 200 || !own.body().contains(endpoint.ownItem)) {
                    failures.add(ContractProbe.line(endpoint, "partner user A", "200 listing " + endpoint.ownItem, own));
                }
                HttpResponse<String> other = probe.send(endpoint, userOfB, endpoint.body);
                probe.observe(endpoint, "partner user B", other);
                if (other.statusCode() != 200 || other.body().contains(endpoint.ownItem)) {
                    failures.add(ContractProbe.line(endpoint, "partner user B", "200 without " + endpoint.ownItem, other));
                }
            }
        }
    }

    /**
     * Every pair of roles in one token. Rights add up, except that a partner user (without a sales manager beside it)
     * may not hold a role that reaches across partners: such a token is refused everywhere. A partner user's half is
     * partner B's, probed at partner A's resources: refused unless a sales manager's rights lift the confinement.
     */
    private void checkRolePairs(List<String> failures, Endpoint endpoint) throws IOException, InterruptedException {
        for (int i = 0; i < Tokens.ALL_ROLES.size(); i++) {
            for (int j = i + 1; j < Tokens.ALL_ROLES.size(); j++) {
                Set<String> pair = Set.of(Tokens.ALL_ROLES.get(i), Tokens.ALL_ROLES.get(j));
                String who = String.join("+", new TreeSet<>(pair));
                String token = pair.contains(Tokens.PARTNER_USER)
                        ? probe.tokens.mint("pair-" + who, pair, Map.of(Tokens.PARTNER_CLAIM, probe.partnerB.toString()))
                        : probe.tokens.forRoles(pair);
                boolean refused = pair.contains(Tokens.PARTNER_USER) && !pair.contains(Tokens.SALES_MANAGER)
                        && pair.stream().anyMatch(ACROSS_PARTNERS::contains);
                boolean allowed = pair.stream().anyMatch(endpoint.roles::contains)
                        || (pair.contains(Tokens.PARTNER_USER) && endpoint.partnerUser != PartnerUser.DENIED);
                if (refused || !allowed) {
                    expect(failures, endpoint, who, token, endpoint.body, status -> status == 403, "403");
                } else if (pair.contains(Tokens.PARTNER_USER) && endpoint.partnerUser == PartnerUser.OWN) {
                    // With a sales manager beside it, partner B's user is not confined: A's resource is there.
                    expect(failures, endpoint, who, token, endpoint.body,
                            status -> status != 401 && status != 403 && status != 404, "allowed (not 401/403/404)");
                } else {
                    expect(failures, endpoint, who, token, endpoint.body, status -> status != 401 && status != 403,
                            "allowed (not 401/403)");
                }
            }
        }
    }

    private void expect(List<String> failures, Endpoint endpoint, String who, String token, String body,
            IntPredicate expected, String expectation) throws IOException, InterruptedException {
        HttpResponse<String> response = probe.send(endpoint, token, body);
        probe.observe(endpoint, who, response);
        if (!expected.test(response.statusCode())) {
            failures.add(ContractProbe.line(endpoint, who, expectation, response));
        }
    }

}
