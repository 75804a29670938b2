package com.partnernet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The alerts are tested, not only rendered: the prod overlay's rules run through {@code promtool test rules} against
 * {@code alert-rules.test.yaml}, where every alert fires on a series that should fire it and stays quiet on one that
 * should not (Debian's prometheus package brings promtool; .ci/run installs it, and in CI it must run).
 */
class AlertRulesTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void everyAlertFiresOnASeriesThatShouldFireItAndStaysQuietOnOneThatShouldNot() throws Exception {
        Path kubectl = Manifests.kubectl().orElse(null);
        Path promtool = Manifests.onPath("promtool").orElse(null);
        boolean ci = "true".equals(System.getenv("CI"));
        if (!ci) {
            Assumptions.assumeTrue(kubectl != null && promtool != null,
                    "kubectl or promtool is not on the PATH: the alert rules are NOT tested here");
        }
        assertTrue(kubectl != null && promtool != null, "CI needs kubectl and promtool (.ci/run installs them)");
        Manifests prod = Manifests.render(kubectl, Manifests.root().resolve("deploy/k8s/overlays/prod"));

        ArrayNode groups = JsonNodeFactory.instance.arrayNode();
        Set<String> alerts = new TreeSet<>();
        for (JsonNode rules : prod.ofKind("PrometheusRule")) {
            rules.at("/spec/groups").forEach(group -> {
                groups.add(group);
                group.path("rules").forEach(rule -> alerts.add(rule.path("alert").asText()));
            });
        }
        Path folder = Manifests.root().resolve("deploy/k8s/target/alert-rules");
        Files.createDirectories(folder);
        YAML.writeValue(folder.resolve("rules.yaml").toFile(), JsonNodeFactory.instance.objectNode().set("groups", groups));
        Path tests = folder.resolve("alert-rules.test.yaml");
        try (InputStream in = AlertRulesTest.class.getResourceAsStream("/alert-rules.test.yaml")) {
            Files.write(tests, in.readAllBytes());
        }

        Set<String> firing = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (JsonNode test : YAML.readTree(tests.toFile()).path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                (check.path("exp_alerts").isEmpty() ? quiet : firing).add(check.path("alertname").asText());
            }
        }
        assertEquals(alerts, firing, "every alert has a case where it fires");
        assertEquals(alerts, quiet, "every alert has a case where it stays quiet");

        Process process = new ProcessBuilder(promtool.toString(), "test", "rules", tests.toString())
                .directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("SUCCESS"), output);
    }
}
