package com.partnernet.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kubernetes manifests of deploy/k8s as kustomize renders an overlay, and what checks need to read from them:
 * resources by kind, and the metrics their alerts and the dashboard query.
 */
public final class Manifests {

    /** Series of kube-state-metrics, not of our services: the readiness alert compares deployments' replica counts. */
    public static final Set<String> KUBE_STATE_METRICS = Set.of("kube_deployment_status_replicas_available",
            "kube_deployment_spec_replicas");
    /** Series of Strimzi's Kafka Exporter (the overlays' kafkaExporter), not of our services: replays per hour. */
    public static final Set<String> KAFKA_EXPORTER_METRICS = Set.of("kafka_topic_partition_current_offset");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS_AND_RANGES = Pattern.compile("\\{[^}]*\\}|\\[[^\\]]*\\]");
    private static final Pattern LABEL_LISTS = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");

    private final List<JsonNode> resources;

    private Manifests(List<JsonNode> resources) {
        this.resources = resources;
    }

    /** kubectl on the PATH, if there is one. */
    public static Optional<Path> kubectl() {
        return onPath("kubectl");
    }

    /** A program on the PATH, if there is one. */
    public static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst();
    }

    /** An overlay (e.g. deploy/k8s/overlays/prod) rendered by {@code kubectl kustomize}. */
    public static Manifests render(Path kubectl, Path overlay) throws IOException, InterruptedException {
        Path output = Files.createTempFile("kustomize", ".yaml");
        Path errors = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", overlay.toString())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("kubectl kustomize " + overlay + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("kubectl kustomize " + overlay + " failed: " + Files.readString(errors));
            }
            List<JsonNode> resources = new ArrayList<>();
            try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(output.toFile())) {
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    if (document != null && !document.isNull() && !document.isEmpty()) {
                        resources.add(document);
                    }
                }
            }
            return new Manifests(resources);
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    public List<JsonNode> all() {
        return resources;
    }

    public List<JsonNode> ofKind(String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.path("kind").asText())).toList();
    }

    public Optional<JsonNode> named(String kind, String name) {
        return ofKind(kind).stream().filter(resource -> name.equals(resource.at("/metadata/name").asText())).findFirst();
    }

    /** Every PromQL expression of the alert rules and of the Grafana dashboards (panels and variable queries). */
    public List<String> queries() throws IOException {
        List<String> queries = new ArrayList<>();
        for (JsonNode rules : ofKind("PrometheusRule")) {
            rules.at("/spec/groups").forEach(group -> group.path("rules").forEach(rule -> queries.add(rule.path("expr").asText())));
        }
        for (JsonNode configMap : ofKind("ConfigMap")) {
            if (!configMap.at("/metadata/labels/grafana_dashboard").isMissingNode()) {
                for (JsonNode file : configMap.path("data")) {
                    JsonNode dashboard = JSON.readTree(file.asText());
                    dashboard.path("panels").forEach(panel -> panel.path("targets")
                            .forEach(target -> queries.add(target.path("expr").asText())));
                    dashboard.at("/templating/list").forEach(variable -> {
                        if ("query".equals(variable.path("type").asText())) {
                            queries.add(variable.path("query").asText());
                        }
                    });
                }
            }
        }
        return queries;
    }

    /** The metric names a PromQL expression (or a Grafana {@code label_values(metric, label)} query) reads. */
    public static Set<String> metricNames(String query) {
        Set<String> names = new LinkedHashSet<>();
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (labelValues.find()) {
            names.add(labelValues.group(1));
            return names;
        }
        String bare = LABEL_LISTS.matcher(MATCHERS_AND_RANGES.matcher(STRING.matcher(query).replaceAll(""))
                .replaceAll(" ")).replaceAll(" ");
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            String rest = bare.substring(identifier.end()).stripLeading();
            boolean function = rest.startsWith("(");
            if (!function && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The repository's root (the tests run from their module's folder). */
    public static Path root() {
        return Path.of(System.getProperty("partnernet.root", "../..")).toAbsolutePath().normalize();
    }
}
