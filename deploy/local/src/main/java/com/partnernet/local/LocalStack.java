package com.partnernet.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnernet.testkit.infrastructure.MailServer;
import com.partnernet.testkit.infrastructure.Postgres;
import com.partnernet.testkit.infrastructure.Topic;
import com.partnernet.testkit.infrastructure.TraceViewer;
import com.partnernet.testkit.service.Service;
import com.partnernet.testkit.service.ServiceProcess;
import com.partnernet.testkit.token.JwtKeys;
import com.partnernet.testkit.token.Tokens;

/**
 * The local run: {@code start} (infrastructure, the three services, demo data, the live demo: dashboard page and lead
 * simulator), {@code stop}, {@code status}, and
 * {@code publish-lead} (a tiny producer that publishes a lead as a marketing system would). Everything it starts
 * keeps its state, logs and pid files in the git-ignored {@code .local/} folder of the repository.
 */
public final class LocalStack {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /**
     * The services' options, started where the demo's year of data takes them at once (~45 MB of heap, metaspace past
     * the default threshold): growing there cost 3 s of collections over the three, these cost 2-7 MB of RSS each.
     * Later options win.
     */
    private static final List<String> SERVICE_JVM_OPTIONS = Stream.concat(Service.JVM_OPTIONS.stream(),
            Stream.of("-Xms64m", "-XX:MetaspaceSize=96m")).toList();
    private static final String INFRASTRUCTURE = "infrastructure";
    private static final String LIVE_DEMO = "live-demo";
    /** Where the start leaves the URL that opens a demo shop's lead inbox as its staff. */
    public static final String INBOX_URL_FILE = "inbox-url";
    /** Long enough for a week of trying the APIs; every start writes fresh ones. */
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(7);
    private static final List<String> OPERATOR_ROLES = List.of(Tokens.SALES_MANAGER, Tokens.OPS, Tokens.MARKETING_SYSTEM);

    private final Path root;
    private final Path state;
    private final LocalSettings settings;

    private LocalStack(Path root) {
        this.root = root;
        // Another folder (LOCAL_STATE) lets a second stack run beside the usual one, e.g. the benchmark's start timing.
        String stateDir = System.getenv("LOCAL_STATE");
        this.state = stateDir == null || stateDir.isBlank() ? root.resolve(".local") : Path.of(stateDir).toAbsolutePath();
        this.settings = LocalSettings.fromEnvironment(state);
    }

    /** Exits 0 when done; 1 on a failure (said why), 2 on a wrong command line (with the usage), 3: status not ready. */
    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("partnernet.root", ".")).toAbsolutePath().normalize();
        CommandLine command = new CommandLine(new Stack(new LocalStack(root)));
        command.setExecutionExceptionHandler((failure, line, parsed) -> {
            System.err.println();
            System.err.println("ERROR: " + (failure instanceof StackException ? failure.getMessage() : failure.toString()));
            return 1;
        });
        System.exit(command.execute(args));
    }

    /** The command line (picocli): one subcommand a verb; none is {@code start}. */
    @Command(name = "deploy/local/stack", sortOptions = false,
            description = "The local run: PostgreSQL, Kafka, a mail server, a trace viewer, the three services, demo data, "
                    + "the dashboard and a simulated campaign; state, logs and pid files in .local/ (or LOCAL_STATE).",
            footer = { "", "The script itself also answers 'needs-build': whether start would build (exit 0) and why." },
            subcommands = { Stack.Start.class, Stack.Stop.class, Stack.Status.class, Stack.PublishLead.class,
                    Stack.Token.class, Stack.ReplayDeadLetters.class })
    static final class Stack implements Callable<Integer> {

        /** {@code -h}/{@code --help} on every command (and no {@code --version}: the run has none to tell). */
        static final class Help {

            @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
            boolean requested;
        }

        @Mixin
        Help help;

        final LocalStack stack;

        Stack(LocalStack stack) {
            this.stack = stack;
        }

        @Override
        public Integer call() throws Exception {
            return new Start(this).call();
        }

        @Command(name = "start", description = "PostgreSQL, Kafka, the three services, "
                + "demo data (first start), the dashboard (DASHBOARD_PORT, 8080) and the lead simulator (LEAD_RATE leads "
                + "per minute, 30; 0 switches it off).")
        static final class Start implements Callable<Integer> {

            @Mixin
            Help help;

            @ParentCommand
            Stack parent;

            @Option(names = "--no-demo", description = "no demo data (also DEMO_DATA=false)")
            boolean noDemo;

            Start() {
            }

            Start(Stack parent) {
                this.parent = parent;
            }

            @Override
            public Integer call() throws Exception {
                parent.stack.start(!noDemo && !"false".equals(System.getenv("DEMO_DATA")));
                return 0;
            }
        }

        @Command(name = "stop", description = "Stops everything the run started; data stays.")
        static final class Stop implements Callable<Integer> {

            @Mixin
            Help help;

            @ParentCommand
            Stack parent;

            @Override
            public Integer call() throws Exception {
                parent.stack.stop();
                return 0;
            }
        }

        @Command(name = "status",
                description = "What runs, where, and whether it is ready (exit 3 when not).")
        static final class Status implements Callable<Integer> {

            @Mixin
            Help help;

            @ParentCommand
            Stack parent;

            @Override
            public Integer call() {
                return parent.stack.status() ? 0 : 3;
            }
        }

        @Command(name = "publish-lead",
                description = "Publishes one lead to leads.inbound, keyed source:externalId, as a marketing system does.")
        static final class PublishLead implements Callable<Integer> {

            @Mixin
            Help help;

            @ParentCommand
            Stack parent;

            @Parameters(paramLabel = "FILE", defaultValue = "-", description = "the lead as JSON; - (default): stdin")
            String file;

            @Override
            public Integer call() throws Exception {
                parent.stack.publishLead(file);
                return 0;
            }
        }

        @Command(name = "token", description = "Prints a bearer token (7 days).")
        static final class Token implements Callable<Integer> {

            @Mixin
            Help help;

            @ParentCommand
            Stack parent;

            @Parameters(index = "0", paramLabel = "ROLE", description = "sales-manager, ops, marketing-system or partner-user")
            String role;

            @Parameters(index = "1", arity = "0..1", paramLabel = "PARTNER_ID", description = "a partner user's partner")
            String partnerId;

            @Override
            public Integer call() {
                parent.stack.printToken(role, partnerId);
                return 0;
            }
        }

        @Command(name = "replay-dlq", description = "Re-publishes a dead-letter topic's records to their source topic, "
                + "each at most once, and says what it replayed and skipped: the chassis' replay tool (its --help tells "
                + "more) against the run's broker.")
        static final class ReplayDeadLetters implements Callable<Integer> {

            @ParentCommand
            Stack parent;

            @Unmatched
            List<String> arguments = new ArrayList<>();

            @Override
            public Integer call() throws Exception {
                return parent.stack.replayDeadLetters(arguments);
            }
        }
    }

    private void start(boolean demoData) throws Exception {
        long started = System.nanoTime();
        if (runningPid(INFRASTRUCTURE).isPresent() || runningPid(LIVE_DEMO).isPresent()
                || List.of(Service.values()).stream().anyMatch(service -> runningPid(service.serviceName).isPresent())) {
            boolean ready = status();
            throw new StackException(ready ? "The stack is already running (above). Stop it first to restart: deploy/local/stack stop"
                    : "Part of the stack is still running (above). Stop it first: deploy/local/stack stop");
        }
        requireFreePort(settings.postgresPort(), "PostgreSQL", "PG_PORT");
        requireFreePort(settings.kafkaPort(), "Kafka", "KAFKA_PORT");
        requireFreePort(settings.controllerPort(), "the Kafka controller", "KAFKA_CONTROLLER_PORT");
        requireFreePort(settings.smtpPort(), "the mail server (SMTP)", "SMTP_PORT");
        requireFreePort(settings.mailApiPort(), "the mail server's web API", "MAIL_API_PORT");
        requireFreePort(settings.traceViewerPort(), "the trace viewer", "TRACE_VIEWER_PORT");
        requireFreePort(settings.dashboardPort(), "the dashboard", "DASHBOARD_PORT");
        settings.leadRate(); // a bad LEAD_RATE stops the start here, not after a minute of starting
        for (Service service : Service.values()) {
            requireFreePort(settings.servicePort(service), service.serviceName, service.portVariable);
            requireFreePort(settings.managementPort(service), service.serviceName + "'s management interface",
                    service.managementPortVariable);
            if (!Files.isRegularFile(service.jar(root))) {
                throw new StackException(service.serviceName + " is not built (" + service.jar(root)
                        + " is missing): run ./mvnw package -DskipTests, or use deploy/local/stack which builds first");
            }
        }

        System.out.println("Starting PostgreSQL, Kafka, the mail server and the trace viewer (state in " + state + ") ...");
        // The first start's key pair takes seconds of this JVM's (quickly compiled, slow) arithmetic: made meanwhile.
        CompletableFuture<Tokens> keys = CompletableFuture.supplyAsync(this::tokens);
        Process infrastructure = startHelper(INFRASTRUCTURE, InfrastructureServer.class, InfrastructureServer.STORES_READY_FILE,
                List.of("-Xms128m", "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        System.out.println("Starting " + String.join(", ", List.of(Service.values()).stream().map(s -> s.serviceName).toList()) + " ...");
        Tokens tokens;
        try {
            tokens = keys.join();
        } catch (CompletionException e) {
            stopAll();
            throw new StackException(e.getCause().getMessage() + "\nEverything started was stopped again.");
        }
        Map<Service, ServiceProcess> services = startServices();
        awaitReadyFile(INFRASTRUCTURE, infrastructure, InfrastructureServer.READY_FILE);
        String salesManager = tokens.mint("local-" + Tokens.SALES_MANAGER, TOKEN_LIFETIME, Set.of(Tokens.SALES_MANAGER));
        if (demoData) {
            DemoData.load(settings.serviceUrls(), salesManager);
        }
        Optional<String> firstPartner = DemoData.firstPartner(settings.serviceUrls().get(Service.PARTNERS), salesManager);
        writeTokens(tokens, firstPartner);
        writeInboxUrl(tokens, firstPartner, salesManager);
        startHelper(LIVE_DEMO, LiveDemo.class, LiveDemo.READY_FILE, List.of("-Xms16m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        printSummary(services, (System.nanoTime() - started) / 1_000_000_000.0);
    }

    /**
     * A helper JVM of the run (the infrastructure, the live demo) from this launcher's classpath; waits for the ready
     * file it writes. Stops everything started when it fails.
     */
    private Process startHelper(String name, Class<?> mainClass, String readyFile, List<String> jvmOptions) throws Exception {
        Files.createDirectories(state);
        Files.deleteIfExists(state.resolve(readyFile));
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        Process helper = ServiceProcess.startJava(mainClass.getName(), options, List.of(state.toString()), logFile(name));
        writePid(name, helper.pid());
        awaitReadyFile(name, helper, readyFile);
        return helper;
    }

    /** Waits until the helper writes {@code readyFile}; stops everything started when it exits or takes too long. */
    private void awaitReadyFile(String name, Process helper, String readyFile) throws Exception {
        Path log = logFile(name);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(state.resolve(readyFile))) {
            if (!helper.isAlive()) {
                deletePid(name);
                stopAll();
                throw new StackException("The " + name + " process exited with code " + helper.exitValue()
                        + ". Last lines of " + log + ":\n" + ServiceProcess.tail(log, 40));
            }
            if (System.nanoTime() > deadline) {
                stopAll();
                throw new StackException("The " + name + " was not ready after " + START_TIMEOUT.toSeconds()
                        + " s. Last lines of " + log + ":\n" + ServiceProcess.tail(log, 40));
            }
            Thread.sleep(100);
        }
    }

    private Map<Service, ServiceProcess> startServices() throws Exception {
        Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            Map<String, String> env = new LinkedHashMap<>(service.environment(settings.jdbcUrl(service.database),
                    settings.bootstrapServers(), other -> "http://127.0.0.1:" + settings.servicePort(other),
                    Tokens.LOCAL_ISSUER, jwtFolder().resolve(JwtKeys.PUBLIC_KEY_FILE), settings.smtpPort()));
            env.putAll(Service.tracingTo(settings.traceViewerPort()));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_HTTP_CORS_ENABLED", "true");
            // The dashboard page calls the APIs from its origin, the lead inbox (served by leads-service) targets-service.
            String leadsUrl = settings.serviceUrls().get(Service.LEADS);
            env.put("QUARKUS_HTTP_CORS_ORIGINS", String.join(",", dashboardUrl(), dashboardUrl().replace("127.0.0.1", "localhost"),
                    leadsUrl, leadsUrl.replace("127.0.0.1", "localhost")));
            if (service == Service.LEADS) {
                env.put("LEADS_INBOX_TARGETS_URL", settings.serviceUrls().get(Service.TARGETS));
                env.put("LEADS_NOTIFICATIONS_INBOX_URL", leadsUrl + "/inbox/");
                // So reminders and reassignments happen while one watches (the product's default is 8 hours).
                env.put("LEADS_SLA_FIRST_CONTACT", "PT1H");
                env.put("LEADS_SLA_REMINDER_BEFORE", "PT15M");
            }
            ServiceProcess process = ServiceProcess.start(service.serviceName, service.jar(root),
                    settings.servicePort(service), settings.managementPort(service), env, SERVICE_JVM_OPTIONS,
                    logFile(service.serviceName), true);
            writePid(service.serviceName, process.pid());
            services.put(service, process);
        }
        List<CompletableFuture<Void>> readiness = new ArrayList<>();
        for (ServiceProcess process : services.values()) {
            readiness.add(CompletableFuture.runAsync(() -> {
                try {
                    process.awaitReady(START_TIMEOUT);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }));
        }
        try {
            CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            stopAll();
            throw new StackException(e.getCause().getMessage() + "\nEverything started was stopped again.");
        }
        return services;
    }

    private void stop() throws IOException {
        if (!stopAll()) {
            System.out.println("Nothing was running.");
        }
    }

    /**
     * The live demo (it publishes to Kafka and calls the services), then the services, all at once (each finishes its
     * in-flight Kafka work and leaves its consumer groups, which takes seconds), then the infrastructure.
     */
    private boolean stopAll() throws IOException {
        List<String> services = List.of(Service.values()).stream().map(service -> service.serviceName).toList();
        boolean anything = stopProcesses(List.of(LIVE_DEMO));
        anything |= stopProcesses(services);
        anything |= stopProcesses(List.of(INFRASTRUCTURE));
        return anything;
    }

    private boolean stopProcesses(List<String> names) throws IOException {
        Map<String, ProcessHandle> running = new LinkedHashMap<>();
        for (String name : names) {
            runningPid(name).flatMap(ProcessHandle::of).ifPresent(handle -> running.put(name, handle));
            deletePid(name);
        }
        running.forEach((name, handle) -> System.out.println("Stopping " + name + " (pid " + handle.pid() + ") ..."));
        running.values().stream()
                .map(handle -> CompletableFuture.runAsync(() -> ServiceProcess.stop(handle, STOP_GRACE)))
                .toList()
                .forEach(CompletableFuture::join);
        return !running.isEmpty();
    }

    /** Prints what runs; true when everything is up and ready. */
    private boolean status() {
        boolean allReady = true;
        Optional<Long> infrastructure = runningPid(INFRASTRUCTURE);
        boolean infrastructureReady = infrastructure.isPresent() && Files.exists(state.resolve(InfrastructureServer.READY_FILE));
        allReady &= infrastructureReady;
        System.out.printf("  %-18s %-9s %s%n", INFRASTRUCTURE, infrastructure.isEmpty() ? "stopped" : infrastructureReady ? "ready" : "starting",
                infrastructure.map(pid -> "pid " + pid + "  Kafka " + settings.bootstrapServers() + ", PostgreSQL "
                        + settings.jdbcUrl("<db>")).orElse(""));
        Optional<Long> liveDemo = runningPid(LIVE_DEMO);
        boolean liveDemoReady = liveDemo.isPresent() && Files.exists(state.resolve(LiveDemo.READY_FILE));
        allReady &= liveDemoReady;
        System.out.printf("  %-18s %-9s %s%n", LIVE_DEMO, liveDemo.isEmpty() ? "stopped" : liveDemoReady ? "ready" : "starting",
                liveDemo.map(pid -> "pid " + pid + "  dashboard " + dashboardUrl()).orElse(""));
        for (Service service : Service.values()) {
            Optional<Long> pid = runningPid(service.serviceName);
            int port = settings.servicePort(service);
            boolean ready = pid.isPresent() && ServiceProcess.isReady(settings.managementPort(service));
            allReady &= ready;
            System.out.printf("  %-18s %-9s %s%n", service.serviceName, pid.isEmpty() ? "stopped" : ready ? "ready" : "not ready",
                    pid.map(p -> "pid " + p + "  http://127.0.0.1:" + port + "  health and metrics http://127.0.0.1:"
                            + settings.managementPort(service) + "/q").orElse(""));
        }
        return allReady;
    }

    private void publishLead(String source) throws Exception {
        String json;
        try (InputStream in = "-".equals(source) ? System.in : Files.newInputStream(Path.of(source))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String key = null;
        try {
            JsonNode lead = new ObjectMapper().readTree(json);
            if (lead != null && lead.hasNonNull("source") && lead.hasNonNull("externalId")) {
                key = lead.get("source").asText() + ":" + lead.get("externalId").asText();
            }
        } catch (IOException notJson) {
            // Published as it is: the service dead-letters it with the reason, which is what a test of that wants.
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(Topic.LEADS_INBOUND.topicName, key, json)).get();
            System.out.println("Published to " + sent.topic() + " partition " + sent.partition() + " offset " + sent.offset()
                    + (key != null ? " with key " + key : " without key"));
        }
    }

    /**
     * Runs the dead-letter replay the Kubernetes Job runs, with the same classpath (a packaged service's libraries,
     * chassis among them) against the local broker; its exit status.
     */
    private int replayDeadLetters(List<String> options) throws IOException, InterruptedException {
        Path libraries = root.resolve(Service.LEADS.serviceName + "/target/quarkus-app/lib/main");
        if (!Files.isDirectory(libraries)) {
            throw new StackException("leads-service is not packaged: run 'deploy/local/stack start' or './mvnw package -DskipTests'");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider", "-Dslf4j.internal.verbosity=WARN", "-cp",
                libraries + "/*", "com.partnernet.chassis.deadletter.DeadLetterReplay"));
        command.addAll(options);
        ProcessBuilder replay = new ProcessBuilder(command).inheritIO();
        replay.environment().put("KAFKA_BOOTSTRAP_SERVERS", settings.bootstrapServers());
        return replay.start().waitFor();
    }

    private void printSummary(Map<Service, ServiceProcess> services, double seconds) throws IOException {
        System.out.println();
        System.out.printf("Partner sales network is up (%.1f s).%n%n", seconds);
        for (ServiceProcess process : services.values()) {
            System.out.printf("  %-16s %s   Swagger UI %s/q/swagger-ui   health and metrics %s/q   pid %d%n",
                    process.name(), process.baseUrl(), process.baseUrl(), process.managementUrl(), process.pid());
        }
        System.out.printf("  %-16s %s  (databases partners, leads, targets; user %s, password %s)%n", "PostgreSQL",
                settings.jdbcUrl("<db>"), Postgres.USER, Postgres.PASSWORD);
        System.out.printf("  %-16s %s  (topics %s)%n", "Kafka", settings.bootstrapServers(),
                String.join(", ", List.of(Topic.values()).stream().map(topic -> topic.topicName).toList()));
        if (Files.exists(state.resolve(INBOX_URL_FILE))) {
            System.out.printf("  %-16s %s%n", "Lead inbox", Files.readString(state.resolve(INBOX_URL_FILE)));
            System.out.printf("  %-16s (the first demo partner's first shop, signed in as its staff)%n", "");
        }
        System.out.printf("  %-16s %s/user  (GreenMail, SMTP 127.0.0.1:%d; a shop's mails: %s/user/<its email>/messages/INBOX)%n",
                "Mail", MailServer.apiUrl(settings.mailApiPort()), settings.smtpPort(), MailServer.apiUrl(settings.mailApiPort()));
        System.out.printf("  %-16s %s  (Zipkin: every service's traces; a lead's trace: its traceId, GET /leads/{id})%n",
                "Traces", TraceViewer.url(settings.traceViewerPort()));
        System.out.printf("  %-16s %s  (lead simulator: %s; LEAD_RATE to change)%n", "Dashboard", dashboardUrl(),
                liveDemoSays("simulator").orElse("?"));
        System.out.printf("  %-16s %s%n", "Logs", state.resolve("logs"));
        System.out.printf("  %-16s %s  (one per role, valid %d days: %s)%n", "Bearer tokens", tokenFolder(),
                TOKEN_LIFETIME.toDays(), String.join(", ", listTokens()));
        System.out.println();
        System.out.println("  Call an API:    curl -H \"Authorization: Bearer $(cat .local/tokens/sales-manager.jwt)\" "
                + settings.serviceUrls().get(Service.PARTNERS) + "/partners");
        System.out.println("  Swagger UI:     'Authorize' with the content of a token file");
        System.out.println();
        System.out.println("  Status: deploy/local/stack status     Stop: deploy/local/stack stop");
        System.out.println("  Publish a lead: deploy/local/stack publish-lead deploy/local/sample-lead.json");
    }

    /** The development signing key pair, generated in .local/jwt on the first start and kept. */
    private Tokens tokens() {
        return new Tokens(JwtKeys.inFolder(jwtFolder()), Tokens.LOCAL_ISSUER);
    }

    /** A ready token per role in .local/tokens; the partner user's for the given partner (the first demo partner). */
    private void writeTokens(Tokens tokens, Optional<String> partnerId) throws IOException {
        Files.createDirectories(tokenFolder());
        for (String role : OPERATOR_ROLES) {
            Files.writeString(tokenFolder().resolve(role + ".jwt"),
                    tokens.mint("local-" + role, TOKEN_LIFETIME, Set.of(role)));
        }
        Path partnerUser = tokenFolder().resolve(Tokens.PARTNER_USER + ".jwt");
        if (partnerId.isPresent()) {
            Files.writeString(partnerUser, tokens.partnerUser("local-" + Tokens.PARTNER_USER, TOKEN_LIFETIME,
                    partnerId.get()));
        } else {
            Files.deleteIfExists(partnerUser);
        }
    }

    /**
     * A URL that opens the lead inbox of the first demo partner's first shop as that partner's staff: the token in the
     * fragment, as an identity provider hands it over (kept in the state folder for the tests).
     */
    private void writeInboxUrl(Tokens tokens, Optional<String> partnerId, String salesManager)
            throws IOException, InterruptedException {
        Path file = state.resolve(INBOX_URL_FILE);
        Optional<String> shop = partnerId.isEmpty() ? Optional.empty()
                : DemoData.firstShop(settings.serviceUrls().get(Service.PARTNERS), salesManager, partnerId.get());
        if (shop.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        Files.writeString(file, settings.serviceUrls().get(Service.LEADS) + "/inbox/?shop=" + shop.get() + "#access_token="
                + tokens.partnerUser("local-shop-staff", TOKEN_LIFETIME, partnerId.get()));
    }

    private List<String> listTokens() {
        try (var files = Files.list(tokenFolder())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void printToken(String role, String partnerId) {
        if (!(OPERATOR_ROLES.contains(role) || Tokens.PARTNER_USER.equals(role))) {
            throw new StackException("no such role: " + role + "; sales-manager, ops, marketing-system or partner-user");
        }
        if (!Files.exists(jwtFolder().resolve(JwtKeys.PRIVATE_KEY_FILE))) {
            throw new StackException("No development key pair yet: start the stack once (deploy/local/stack start)");
        }
        if (Tokens.PARTNER_USER.equals(role)) {
            if (partnerId == null) {
                throw new StackException("A partner user belongs to one partner: deploy/local/stack token partner-user "
                        + "<partnerId>");
            }
            System.out.println(tokens().partnerUser("local-" + role, TOKEN_LIFETIME, partnerId));
        } else {
            System.out.println(tokens().mint("local-" + role, TOKEN_LIFETIME, Set.of(role)));
        }
    }

    private Path jwtFolder() {
        return state.resolve("jwt");
    }

    private Path tokenFolder() {
        return state.resolve("tokens");
    }

    /** What the live demo wrote of itself into its ready file under {@code key}. */
    private Optional<String> liveDemoSays(String key) {
        try {
            return Files.readAllLines(state.resolve(LiveDemo.READY_FILE)).stream()
                    .filter(line -> line.startsWith(key + "=")).map(line -> line.substring(key.length() + 1)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String dashboardUrl() {
        return "http://127.0.0.1:" + settings.dashboardPort();
    }

    private static void requireFreePort(int port, String what, String variable) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException taken) {
            throw new StackException("Port " + port + " for " + what + " is already in use. Free it, or choose another: "
                    + variable + "=<port> deploy/local/stack start");
        }
    }

    private Path logFile(String name) {
        return state.resolve("logs").resolve(name + ".log");
    }

    private Path pidFile(String name) {
        return state.resolve("run").resolve(name + ".pid");
    }

    private void writePid(String name, long pid) throws IOException {
        Files.createDirectories(pidFile(name).getParent());
        Files.writeString(pidFile(name), Long.toString(pid));
    }

    private void deletePid(String name) throws IOException {
        Files.deleteIfExists(pidFile(name));
    }

    /** The pid of a process this run started, if it still runs (a recycled pid of another program does not count). */
    private Optional<Long> runningPid(String name) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile(name)).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().map(command -> command.endsWith("java")).orElse(false))
                    .map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A failure the user can act on: printed as it is, without a stack trace. */
    static final class StackException extends RuntimeException {
        StackException(String message) {
            super(message);
        }
    }
}
