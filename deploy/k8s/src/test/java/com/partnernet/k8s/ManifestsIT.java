package com.partnernet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.partnernet.testkit.service.Service;
import com.partnernet.testkit.infrastructure.Topic;

/**
 * Both overlays render, and what they deploy fits the services as built: probes on the health endpoints of the port
 * the service listens on, a KafkaTopic with the expected partitions for every topic, every configured variable a real
 * configuration key, credentials from the operators' secrets. (That every metric the alerts and the dashboard read is
 * one the running services expose is checked end to end, in deploy/e2e.)
 */
class ManifestsIT {

    private static final Path ROOT = Manifests.root();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Manifests> OVERLAYS = new LinkedHashMap<>();

    @BeforeAll
    static void render() throws Exception {
        Path kubectl = Manifests.kubectl().orElse(null);
        Assumptions.assumeTrue(kubectl != null, "kubectl is not on the PATH: the Kubernetes manifests are NOT checked here"
                + " (Debian: apt-get install kubernetes-client; CI installs it)");
        for (String overlay : List.of("dev", "prod")) {
            OVERLAYS.put(overlay, Manifests.render(kubectl, ROOT.resolve("deploy/k8s/overlays/" + overlay)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyServiceIsDeployedWithProbesOnItsManagementPortWhichOnlyPrometheusAndTheKubeletReach(String overlay)
            throws IOException {
        Manifests manifests = OVERLAYS.get(overlay);
        assertEquals(Set.of("partners-service", "leads-service", "targets-service"), manifests.ofKind("Deployment").stream()
                .map(deployment -> deployment.at("/metadata/name").asText()).collect(Collectors.toSet()));
        Duration shutdown = Duration.parse("PT" + chassisDefaults().getProperty("quarkus.shutdown.timeout").toUpperCase());
        for (Service service : Service.values()) {
            JsonNode pod = manifests.named("Deployment", service.serviceName).orElseThrow().at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            int port = Integer.parseInt(applicationProperties(service).getProperty("quarkus.http.port"));
            assertEquals(port, container.at("/ports/0/containerPort").asInt(), service + " listens on its quarkus.http.port");
            assertEquals("http", container.at("/ports/0/name").asText());
            int management = Integer.parseInt(applicationProperties(service).getProperty("quarkus.management.port"));
            assertEquals(management, container.at("/ports/1/containerPort").asInt(),
                    service + " serves health and metrics on its quarkus.management.port");
            assertEquals("management", container.at("/ports/1/name").asText());
            Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                    "readinessProbe", "/q/health/ready");
            probes.forEach((probe, path) -> {
                assertEquals(path, container.at("/" + probe + "/httpGet/path").asText(), service + " " + probe);
                assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(), service + " " + probe);
            });
            // Clients reach the API only: the Service has no port for health and metrics.
            JsonNode kubernetesService = manifests.named("Service", service.serviceName).orElseThrow();
            assertEquals(1, kubernetesService.at("/spec/ports").size(), service + "'s Service exposes one port");
            assertEquals(port, kubernetesService.at("/spec/ports/0/port").asInt());
            assertEquals("http", kubernetesService.at("/spec/ports/0/targetPort").asText());

            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), service + " runs as non-root");
            assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean(), service + " read-only root");
            assertFalse(container.at("/resources/limits/memory").isMissingNode(), service + " has a memory limit");
            assertFalse(container.at("/resources/requests/cpu").isMissingNode(), service + " requests CPU");
            // The pod gets the time Quarkus waits for open work plus the preStop pause.
            assertTrue(pod.path("terminationGracePeriodSeconds").asLong() >= shutdown.toSeconds() + 5,
                    service + " terminationGracePeriodSeconds covers quarkus.shutdown.timeout " + shutdown);
            assertFalse(manifests.named("HorizontalPodAutoscaler", service.serviceName).isEmpty(), service + " HPA");
            assertFalse(manifests.named("PodDisruptionBudget", service.serviceName).isEmpty(), service + " PDB");
        }
        // Prometheus scrapes the pods' management port directly.
        JsonNode scrape = manifests.named("PodMonitor", "partnernet-services").orElseThrow().at("/spec/podMetricsEndpoints/0");
        assertEquals("management", scrape.path("port").asText());
        assertEquals("/q/metrics", scrape.path("path").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void networkPoliciesOpenTheApiToClientsTheManagementPortToMonitoringAndEachDatabaseToItsServiceOnly(String overlay) {
        Manifests manifests = OVERLAYS.get(overlay);
        List<JsonNode> policies = manifests.ofKind("NetworkPolicy");
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            List<JsonNode> selecting = selecting(policies, deployment.at("/spec/template/metadata/labels"));
            assertFalse(selecting.isEmpty(), name + " is selected by a NetworkPolicy");
            for (JsonNode policy : selecting) {
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    List<String> ports = new ArrayList<>();
                    rule.path("ports").forEach(port -> ports.add(port.path("port").asText()));
                    assertFalse(ports.isEmpty(), name + ": a rule without ports would open the management port too");
                    if (ports.contains("management")) {
                        assertEquals(List.of("management"), ports, name + ": the management port has a rule of its own");
                        assertFalse(rule.path("from").isEmpty(), name + "'s management port is not open to everyone");
                        rule.path("from").forEach(peer -> assertEquals("monitoring",
                                peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText(),
                                name + "'s management port only from the monitoring namespace: " + peer));
                    } else {
                        assertEquals(List.of("http"), ports, name + ": clients reach the API port only");
                    }
                }
            }
        }
        for (Service service : Service.values()) {
            JsonNode cluster = manifests.named("Cluster", service.database + "-db").orElseThrow();
            JsonNode labels = cluster.at("/spec/inheritedMetadata/labels").deepCopy();
            ((ObjectNode) labels).put("cnpg.io/cluster", service.database + "-db");
            List<JsonNode> selecting = selecting(policies, labels);
            assertEquals(1, selecting.size(), service.database + "-db's instances are selected by one NetworkPolicy");
            for (JsonNode rule : selecting.get(0).at("/spec/ingress")) {
                if ("5432".equals(rule.at("/ports/0/port").asText())) {
                    Set<String> peers = new TreeSet<>();
                    rule.path("from").forEach(peer -> {
                        assertTrue(peer.path("namespaceSelector").isMissingNode(), "PostgreSQL within the namespace only");
                        peers.add(peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText(
                                peer.at("/podSelector/matchLabels/cnpg.io~1cluster").asText()));
                    });
                    assertEquals(new TreeSet<>(Set.of(service.serviceName, service.database + "-db")), peers,
                            service.database + "-db is reached by " + service.serviceName + " (and its own replicas) only");
                }
            }
        }
        JsonNode listener = manifests.named("Kafka", "partnernet").orElseThrow().at("/spec/kafka/listeners/0");
        assertEquals("app.kubernetes.io/part-of", listener.at("/networkPolicyPeers/0/podSelector/matchLabels").fieldNames().next(),
                "Strimzi's listener policy admits the platform's pods");
    }

    @Test
    void prodServesTheThreeApisAndTheInboxOverTlsAndNeverAManagementPort() {
        Manifests prod = OVERLAYS.get("prod");
        Map<String, String> backends = new LinkedHashMap<>();
        Set<String> tlsHosts = new TreeSet<>();
        for (JsonNode ingress : prod.ofKind("Ingress")) {
            ingress.at("/spec/tls").forEach(tls -> {
                assertFalse(tls.path("secretName").asText().isEmpty(), "TLS by a certificate's secret");
                tls.path("hosts").forEach(host -> tlsHosts.add(host.asText()));
            });
            for (JsonNode rule : ingress.at("/spec/rules")) {
                for (JsonNode path : rule.at("/http/paths")) {
                    String service = path.at("/backend/service/name").asText();
                    assertEquals("http", path.at("/backend/service/port/name").asText(), service + ": the API port only");
                    assertEquals("/", path.path("path").asText());
                    backends.put(rule.path("host").asText(), service);
                }
            }
        }
        assertEquals(Map.of("partners.partnernet.example", "partners-service", "leads.partnernet.example", "leads-service",
                "targets.partnernet.example", "targets-service"), backends);
        assertEquals(new TreeSet<>(backends.keySet()), tlsHosts, "every host over TLS");
        // The lead mails link the inbox on leads-service's host; the inbox reads targets-service's.
        JsonNode leads = prod.ofKind("ConfigMap").stream()
                .filter(map -> map.at("/metadata/name").asText().startsWith("leads-service-config")).findFirst().orElseThrow()
                .path("data");
        assertTrue(leads.path("LEADS_NOTIFICATIONS_INBOX_URL").asText().startsWith("https://leads.partnernet.example/inbox/"));
        assertEquals("https://targets.partnernet.example", leads.path("LEADS_INBOX_TARGETS_URL").asText());
    }

    @Test
    void theDeadLetterReplayJobRunsTheChassisToolFromLeadsServicesImageAsAnOpsUserAllowedJustThat() throws IOException {
        JsonNode job = new YAMLMapper().readTree(
                ROOT.resolve("deploy/k8s/ops/replay-dead-letters.yaml").toFile());
        JsonNode pod = job.at("/spec/template");
        JsonNode container = pod.at("/spec/containers/0");
        JsonNode leadsImage = OVERLAYS.get("prod").named("Deployment", "leads-service").orElseThrow()
                .at("/spec/template/spec/containers/0/image");
        assertEquals(leadsImage.asText(), container.path("image").asText(), "the prod overlay's leads-service image");
        JsonNode command = container.path("command");
        String mainClass = command.get(command.size() - 1).asText();
        assertTrue(Files.exists(ROOT.resolve("chassis/src/main/java/" + mainClass.replace('.', '/') + ".java")), mainClass);
        assertEquals("partnernet", pod.at("/metadata/labels/app.kubernetes.io~1part-of").asText(),
                "Strimzi's listener policy admits it");
        assertEquals("ops-replay", secretOf(container, "KAFKA_SASL_JAAS_CONFIG"));

        JsonNode user = OVERLAYS.get("prod").named("KafkaUser", "ops-replay").orElseThrow();
        for (Topic dlq : List.of(Topic.LEADS_INBOUND_DLQ, Topic.LEADS_SHOP_EVENTS_DLQ, Topic.TARGETS_LEAD_EVENTS_DLQ,
                Topic.TARGETS_SHOP_EVENTS_DLQ)) {
            assertTrue(allows(user, "topic", dlq.topicName, "Read"), "reads " + dlq.topicName);
        }
        for (Topic source : List.of(Topic.LEADS_INBOUND, Topic.SHOP_EVENTS, Topic.LEADS_EVENTS)) {
            assertTrue(allows(user, "topic", source.topicName, "Write"), "writes back to " + source.topicName);
        }
        assertTrue(allows(user, "topic", Topic.DEAD_LETTER_REPLAYS.topicName, "Read")
                && allows(user, "topic", Topic.DEAD_LETTER_REPLAYS.topicName, "Write"), "its ledger");
        assertTrue(allows(user, "transactionalId", "ops-dead-letter-replay", "Write"), "its transactions");
        assertFalse(allows(user, "topic", Topic.TARGETS_EVENTS.topicName, "Write"), "nothing it does not replay to");
    }

    /** The NetworkPolicies whose pod selector matches {@code labels}. */
    private static List<JsonNode> selecting(List<JsonNode> policies, JsonNode labels) {
        return policies.stream().filter(policy -> {
            JsonNode wanted = policy.at("/spec/podSelector/matchLabels");
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) wanted::fields) {
                if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyTopicTheServicesUseHasAKafkaTopicWithThePartitionsTheCodeExpects(String overlay) throws IOException {
        Manifests manifests = OVERLAYS.get(overlay);
        Map<String, JsonNode> kafkaTopics = new LinkedHashMap<>();
        manifests.ofKind("KafkaTopic").forEach(topic -> kafkaTopics.put(topic.at("/spec/topicName").asText(), topic));
        assertEquals(Set.of(Topic.values()).stream().map(topic -> topic.topicName).collect(Collectors.toSet()),
                kafkaTopics.keySet(), "a KafkaTopic for every topic of the test kit's Topic, and no other");
        for (Topic topic : Topic.values()) {
            JsonNode kafkaTopic = kafkaTopics.get(topic.topicName);
            assertEquals(topic.partitions, kafkaTopic.at("/spec/partitions").asInt(), topic.topicName + " partitions");
            assertEquals("partnernet", kafkaTopic.at("/metadata/labels/strimzi.io~1cluster").asText());
            topic.configs.forEach((key, value) -> assertEquals(value, kafkaTopic.at("/spec/config").path(key).asText(),
                    topic.topicName + " " + key));
            int replicas = kafkaTopic.at("/spec/replicas").asInt();
            int minInSync = kafkaTopic.at("/spec/config").path("min.insync.replicas").asInt();
            assertTrue(minInSync >= 1 && minInSync <= replicas && (replicas == 1 || minInSync < replicas),
                    topic.topicName + ": min.insync.replicas " + minInSync + " of " + replicas + " replicas");
        }
        for (Service service : Service.values()) {
            Properties properties = applicationProperties(service);
            JsonNode user = manifests.named("KafkaUser", service.serviceName).orElseThrow();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
                    String topic = properties.getProperty(key);
                    assertTrue(kafkaTopics.containsKey(topic), service + " uses " + topic + " (" + key + "): no KafkaTopic");
                    String operation = key.startsWith("mp.messaging.incoming.") && !key.endsWith("dead-letter-queue.topic")
                            ? "Read" : "Write";
                    assertTrue(allows(user, "topic", topic, operation), service + "'s KafkaUser may not " + operation + " " + topic);
                }
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
                    assertTrue(allows(user, "group", properties.getProperty(key), "Read"), service + " group " + properties.getProperty(key));
                }
            }
            assertTrue(allows(user, "transactionalId", service.serviceName + "-outbox-relay", "Write"),
                    service + "'s outbox relay needs its transactional id");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void marketingSystemsMayOnlyPublishRawLeadsAndOpsOnlyReadTheDeadLetterTopics(String overlay) {
        Manifests manifests = OVERLAYS.get(overlay);
        JsonNode marketing = manifests.named("KafkaUser", "marketing-system").orElseThrow();
        assertTrue(allows(marketing, "topic", Topic.LEADS_INBOUND.topicName, "Write"), "marketing systems write leads.inbound");
        for (JsonNode acl : marketing.at("/spec/authorization/acls")) {
            assertEquals("topic:" + Topic.LEADS_INBOUND.topicName, acl.at("/resource/type").asText() + ":"
                    + acl.at("/resource/name").asText(), "a marketing system's only resource");
            acl.path("operations").forEach(operation -> assertTrue(Set.of("Write", "Describe").contains(operation.asText()),
                    "a marketing system may not " + operation.asText()));
        }
        JsonNode ops = manifests.named("KafkaUser", "ops").orElseThrow();
        Set<String> deadLetterTopics = Stream.of(Topic.values()).map(topic -> topic.topicName)
                .filter(name -> name.endsWith(".dlq")).collect(Collectors.toSet());
        deadLetterTopics.forEach(topic -> assertTrue(allows(ops, "topic", topic, "Read"), "ops reads " + topic));
        for (JsonNode acl : ops.at("/spec/authorization/acls")) {
            String type = acl.at("/resource/type").asText();
            assertTrue(type.equals("group") || (type.equals("topic") && deadLetterTopics.contains(acl.at("/resource/name").asText())),
                    "ops may only read dead-letter topics, not " + acl);
            acl.path("operations").forEach(operation -> assertTrue(Set.of("Read", "Describe").contains(operation.asText()),
                    "ops may not " + operation.asText()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyVariableGivenToAServiceIsARealConfigurationKeyAndCredentialsComeFromTheOperatorsSecrets(String overlay)
            throws IOException {
        Manifests manifests = OVERLAYS.get(overlay);
        Set<String> kafkaClientKeys = new HashSet<>(ProducerConfig.configNames());
        kafkaClientKeys.addAll(ConsumerConfig.configNames());
        kafkaClientKeys.addAll(AdminClientConfig.configNames());
        for (Service service : Service.values()) {
            JsonNode container = manifests.named("Deployment", service.serviceName).orElseThrow()
                    .at("/spec/template/spec/containers/0");
            Set<String> variables = new TreeSet<>();
            for (JsonNode source : container.path("envFrom")) {
                String name = source.at("/configMapRef/name").asText();
                manifests.named("ConfigMap", name).orElseThrow(() -> new AssertionError(service + " reads ConfigMap "
                        + name + ", which is not rendered")).path("data").fieldNames().forEachRemaining(variables::add);
            }
            JsonNode configMap = manifests.named("ConfigMap", container.at("/envFrom/0/configMapRef/name").asText()).orElseThrow();
            container.path("env").forEach(variable -> variables.add(variable.path("name").asText()));

            List<Pattern> runtimeKeys = runtimeConfigVariables(service);
            Set<String> ownKeys = new HashSet<>();
            for (Properties properties : List.of(applicationProperties(service), chassisDefaults())) {
                properties.stringPropertyNames().forEach(key -> ownKeys.add(environmentForm(key.replaceFirst("^%[a-z]+\\.", ""))));
            }
            List<String> unknown = new ArrayList<>();
            for (String variable : variables) {
                boolean known;
                if (variable.startsWith("QUARKUS_")) {
                    known = runtimeKeys.stream().anyMatch(key -> key.matcher(variable).matches());
                } else if (variable.startsWith("KAFKA_")) {
                    known = kafkaClientKeys.contains(variable.substring("KAFKA_".length()).toLowerCase().replace('_', '.'));
                } else {
                    known = ownKeys.contains(variable);
                }
                if (!known) {
                    unknown.add(variable);
                }
            }
            assertEquals(List.of(), unknown, service + ": variables that no configuration key of the service reads"
                    + " (QUARKUS_*: a run-time key of its extensions; KAFKA_*: a Kafka client setting; others: a key of its"
                    + " application.properties or the chassis defaults)");

            String database = service.database + "-db";
            assertTrue(configMap.at("/data/QUARKUS_DATASOURCE_JDBC_URL").asText()
                    .equals("jdbc:postgresql://" + database + "-rw:5432/" + service.database), service + " JDBC URL");
            assertFalse(manifests.named("Cluster", database).isEmpty(), "a CloudNativePG Cluster " + database);
            assertEquals(database + "-app", secretOf(container, "QUARKUS_DATASOURCE_PASSWORD"));
            assertEquals(database + "-app", secretOf(container, "QUARKUS_DATASOURCE_USERNAME"));
            assertEquals(service.serviceName, secretOf(container, "KAFKA_SASL_JAAS_CONFIG"), "the KafkaUser's secret");
        }
    }

    @Test
    void alertsAndTheDashboardQueryMetricsByName() throws IOException {
        assertEquals(Set.of("kafka_consumer_fetch_manager_records_lag_max"), Manifests.metricNames(
                "max by (namespace, job, client_id) (kafka_consumer_fetch_manager_records_lag_max{client_id=~\"kafka-consumer-.*\"}) > 5000"));
        assertEquals(Set.of("partnernet_leads_intake_latency_seconds_bucket"), Manifests.metricNames(
                "histogram_quantile(0.99, sum by (le) (rate(partnernet_leads_intake_latency_seconds_bucket{namespace=\"$namespace\"}[5m])))"));
        assertEquals(Set.of("kube_deployment_status_replicas_available", "kube_deployment_spec_replicas"), Manifests.metricNames(
                "kube_deployment_status_replicas_available{deployment=~\"a|b\"}\n  < kube_deployment_spec_replicas{deployment=~\"a|b\"}"));
        assertEquals(Set.of("partnernet_outbox_backlog"), Manifests.metricNames("label_values(partnernet_outbox_backlog, namespace)"));
        for (Manifests manifests : OVERLAYS.values()) {
            List<String> queries = manifests.queries();
            assertTrue(queries.size() >= 20, "alert rules and dashboard panels found: " + queries.size());
            queries.forEach(query -> assertFalse(Manifests.metricNames(query).isEmpty(), "no metric in " + query));
        }
    }

    /** Name of the secret a container variable comes from. */
    private static String secretOf(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (variable.equals(env.path("name").asText())) {
                return env.at("/valueFrom/secretKeyRef/name").asText();
            }
        }
        return fail(variable + " is not taken from a secret");
    }

    /**
     * Whether an ACL of the user allows the operation on the resource: an ACL of that name, or a prefix ACL the name
     * starts with. A name with a placeholder (a group per instance, {@code …pipeline-stream-${quarkus.uuid}}) needs a
     * prefix ACL covering the part before it.
     */
    private static boolean allows(JsonNode kafkaUser, String type, String name, String operation) {
        int placeholder = name.indexOf("${");
        for (JsonNode acl : kafkaUser.at("/spec/authorization/acls")) {
            String aclName = acl.at("/resource/name").asText();
            boolean prefix = "prefix".equals(acl.at("/resource/patternType").asText());
            boolean covers = placeholder < 0
                    ? name.equals(aclName) || prefix && name.startsWith(aclName)
                    : prefix && name.substring(0, placeholder).startsWith(aclName);
            if (type.equals(acl.at("/resource/type").asText()) && covers) {
                for (JsonNode allowed : acl.path("operations")) {
                    if (operation.equals(allowed.asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The environment variables of every run-time configuration key of the extensions in the packaged service (each
     * extension ships its config model); a map's key placeholder ({@code "client-name"}) stands for any name.
     */
    private static List<Pattern> runtimeConfigVariables(Service service) throws IOException {
        Path libraries = ROOT.resolve(service.serviceName + "/target/quarkus-app/lib/main");
        assertTrue(Files.isDirectory(libraries), "package " + service.serviceName + " first: " + libraries);
        List<Pattern> variables = new ArrayList<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(libraries, "*.jar")) {
            for (Path jar : jars) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    var model = zip.getEntry("META-INF/quarkus-config-doc/quarkus-config-model.json");
                    if (model != null) {
                        try (InputStream in = zip.getInputStream(model)) {
                            collectRuntimeProperties(JSON.readTree(in), variables);
                        }
                    }
                }
            }
        }
        assertTrue(variables.size() > 100, "config models found in " + libraries + ": " + variables.size());
        return variables;
    }

    private static void collectRuntimeProperties(JsonNode node, List<Pattern> variables) {
        if (node.isObject() && node.has("phase") && node.has("path")) {
            if ("RUN_TIME".equals(node.path("phase").asText())) {
                variables.add(variablePattern(node.at("/path/property").asText()));
                node.path("additionalPaths").forEach(path -> variables.add(variablePattern(path.path("property").asText())));
            }
            return;
        }
        node.forEach(child -> collectRuntimeProperties(child, variables));
    }

    private static Pattern variablePattern(String property) {
        StringBuilder regex = new StringBuilder();
        for (String segment : property.split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (regex.length() > 0) {
                regex.append('_');
            }
            // A map key may be quoted ("partners-service" becomes _PARTNERS_SERVICE_) or not, as Quarkus reads both.
            regex.append(segment.startsWith("\"") ? "[A-Z0-9_]+" : Pattern.quote(environmentForm(segment)));
        }
        return Pattern.compile(regex.toString());
    }

    /** MicroProfile Config's environment-variable form of a key: every other character than a letter or digit is _. */
    private static String environmentForm(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static Properties applicationProperties(Service service) throws IOException {
        return properties(ROOT.resolve(service.serviceName + "/src/main/resources/application.properties"));
    }

    private static Properties chassisDefaults() throws IOException {
        return properties(ROOT.resolve("chassis/src/main/resources/META-INF/microprofile-config.properties"));
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
